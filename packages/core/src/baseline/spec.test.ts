import { describe, expect, it } from 'vitest';
import { chooseBaseline, mayStoreBaseline, parseBaselineSpec, parseSaveBaseline } from './spec.js';

describe('parseBaselineSpec', () => {
  it('reads every form the input takes', () => {
    expect(parseBaselineSpec('')).toEqual({ kind: 'auto' });
    expect(parseBaselineSpec(' auto ')).toEqual({ kind: 'auto' });
    expect(parseBaselineSpec('none')).toEqual({ kind: 'none' });
    expect(parseBaselineSpec('cache')).toEqual({ kind: 'cache' });
    expect(parseBaselineSpec('git:main')).toEqual({ kind: 'git', ref: 'main' });
    expect(parseBaselineSpec('git:origin/release/1.x')).toEqual({ kind: 'git', ref: 'origin/release/1.x' });
    expect(parseBaselineSpec('git:HEAD~1')).toEqual({ kind: 'git', ref: 'HEAD~1' });
    expect(parseBaselineSpec('file:baseline/metrics.json')).toEqual({ kind: 'file', path: 'baseline/metrics.json' });
    expect(parseBaselineSpec('artifact:metrics-baseline')).toEqual({ kind: 'artifact', name: 'metrics-baseline' });
  });

  it('refuses refs that git or a shell could misread, naming the input', () => {
    for (const bad of ['git:', 'git:--output=x', 'git:a..b', 'git:main;rm -rf /', 'git:$(id)', 'git:a b', 'git:@{-1}']) {
      expect(() => parseBaselineSpec(bad), bad).toThrow(expect.objectContaining({ name: 'UserError', input: 'baseline' }));
    }
    expect(() => parseBaselineSpec('branch:main')).toThrow(/use auto, git:<ref>, file:<path>, cache, artifact:<name> or none/);
    expect(() => parseBaselineSpec('artifact:a/b')).toThrow(/unknown value/);
  });
});

describe('chooseBaseline', () => {
  it('compares a pull request with its base branch and a push with the commit before it', () => {
    expect(chooseBaseline({ kind: 'auto' }, { eventName: 'pull_request', payload: { pull_request: { base: { ref: 'develop' } } } })).toEqual({
      kind: 'git',
      ref: 'develop',
      chosen: "the pull request's base branch",
    });
    expect(chooseBaseline({ kind: 'auto' }, { eventName: 'pull_request_target', payload: { pull_request: { base: { ref: 'main' } } } })).toEqual({
      kind: 'git',
      ref: 'main',
      chosen: "the pull request's base branch",
    });
    const before = 'a'.repeat(40);
    // A force push can leave `before` gone: then there is no baseline, not an error.
    expect(chooseBaseline({ kind: 'auto' }, { eventName: 'push', payload: { before } })).toEqual({
      kind: 'git',
      ref: before,
      chosen: 'the commit before the push',
      ifMissing: 'the commit before the push (aaaaaaa) no longer exists (a force push?)',
    });
  });

  it('has no baseline for a new branch or an event without one, and says why', () => {
    expect(chooseBaseline({ kind: 'auto' }, { eventName: 'push', payload: { before: '0'.repeat(40) } })).toEqual({
      kind: 'none',
      reason: 'the push created the branch: there is no previous commit',
    });
    expect(chooseBaseline({ kind: 'auto' }, { eventName: 'schedule', payload: {} })).toMatchObject({ kind: 'none' });
    expect(chooseBaseline({ kind: 'none' }, { eventName: 'push', payload: {} })).toEqual({ kind: 'none', reason: 'baseline is none' });
    expect(chooseBaseline({ kind: 'cache' }, { eventName: 'push', payload: {} })).toEqual({ kind: 'cache' });
  });
});

describe('save-baseline', () => {
  it('reads true, false, cache and artifact:<name>', () => {
    expect(parseSaveBaseline('')).toEqual({ kind: 'none' });
    expect(parseSaveBaseline('false')).toEqual({ kind: 'none' });
    expect(parseSaveBaseline('true')).toEqual({ kind: 'cache' });
    expect(parseSaveBaseline('cache')).toEqual({ kind: 'cache' });
    expect(parseSaveBaseline('artifact:base')).toEqual({ kind: 'artifact', name: 'base' });
    expect(() => parseSaveBaseline('sometimes')).toThrow(/must be true, false, cache or artifact:<name>/);
  });

  it('never stores after a failed gate, nor from a pull request', () => {
    expect(mayStoreBaseline(true, 'push')).toEqual({ store: true });
    expect(mayStoreBaseline(false, 'push')).toEqual({ store: false, reason: 'a gate failed' });
    expect(mayStoreBaseline(true, 'pull_request').store).toBe(false);
  });
});
