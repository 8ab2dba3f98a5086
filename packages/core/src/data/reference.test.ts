import { describe, expect, it } from 'vitest';
import { parseReference, pullRequestBase, workspacePath } from './reference.js';

describe('parseReference', () => {
  it('reads git:base, git:<ref> and files', () => {
    expect(parseReference([])).toBeUndefined();
    expect(parseReference(['git:base'])).toEqual({ kind: 'base' });
    expect(parseReference(['git:main'])).toEqual({ kind: 'git', ref: 'main' });
    expect(parseReference(['git:HEAD~1'])).toEqual({ kind: 'git', ref: 'HEAD~1' });
    expect(parseReference(['old/*.csv', 'b.csv'])).toEqual({ kind: 'files', patterns: ['old/*.csv', 'b.csv'] });
  });

  it('refuses refs git would read as an option or as <ref>:<path>, and a mix of git and files', () => {
    for (const bad of ['git:--output=x', 'git:', 'git:a:b', 'git:ma in']) {
      expect(() => parseReference([bad]), bad).toThrow(/is not a git ref/);
    }
    expect(() => parseReference(['git:main', 'a.csv'])).toThrow(/either one git:<ref> or files/);
  });
});

describe('pullRequestBase', () => {
  it('takes the base sha and branch of a pull request event, nothing from other events', () => {
    const sha = 'b'.repeat(40);
    expect(pullRequestBase({ pull_request: { base: { sha, ref: 'main' } } })).toEqual({ sha, ref: 'main' });
    expect(pullRequestBase({ pull_request: { base: { sha: 'nope', ref: '-x' } } })).toBeUndefined();
    expect(pullRequestBase({ after: sha })).toBeUndefined();
    expect(pullRequestBase(undefined)).toBeUndefined();
  });
});

describe('workspacePath', () => {
  it('names files inside the workspace relative to it, others as given', () => {
    expect(workspacePath('/ws/data/a.csv', '/ws')).toBe('data/a.csv');
    expect(workspacePath('/elsewhere/a.csv', '/ws')).toBe('/elsewhere/a.csv');
  });
});
