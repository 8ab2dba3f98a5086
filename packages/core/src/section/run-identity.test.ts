import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markRunReported, readerRun, runFromEnv, sameRun, writerRun } from './run-identity.js';
import { readSections, writeSection } from './section.js';

const LAPTOP = { PATH: '/usr/bin' };

describe('runFromEnv', () => {
  it('names a GitHub run by id and attempt, with the job', () => {
    expect(runFromEnv({ GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'ml' })).toEqual({ id: '77', attempt: 2, job: 'ml', source: 'github' });
  });

  it('prefers MLCI_RUN_ID, knows GitLab and Jenkins, and is undefined on a laptop', () => {
    expect(runFromEnv({ MLCI_RUN_ID: 'x', GITHUB_RUN_ID: '77' })).toEqual({ id: 'x', source: 'env' });
    expect(runFromEnv({ GITLAB_CI: 'true', CI_PIPELINE_ID: '5', CI_JOB_NAME: 'test' })).toEqual({ id: '5', job: 'test', source: 'gitlab' });
    expect(runFromEnv({ JENKINS_URL: 'http://j', BUILD_TAG: 'jenkins-ml-3' })).toEqual({ id: 'jenkins-ml-3', source: 'jenkins' });
    expect(runFromEnv(LAPTOP)).toBeUndefined();
  });

  it('tells attempts of one run apart, but not jobs', () => {
    const a = { id: '77', attempt: 1, job: 'a', source: 'github' } as const;
    expect(sameRun(a, { ...a, job: 'b' })).toBe(true);
    expect(sameRun(a, { ...a, attempt: 2 })).toBe(false);
    expect(sameRun(a, { ...a, source: 'env' })).toBe(false);
  });
});

describe('a local run: the steps since the last report', () => {
  it('starts on the first write, holds until a report, and a write after it starts the next', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-run-'));
    expect(await readerRun(dir, LAPTOP)).toBeUndefined();
    const first = await writerRun(dir, LAPTOP);
    expect(first.source).toBe('local');
    expect(await writerRun(dir, LAPTOP)).toEqual(first);
    expect(await readerRun(dir, LAPTOP)).toEqual(first);
    await markRunReported(dir, LAPTOP);
    // Reporting twice shows the same run.
    expect(await readerRun(dir, LAPTOP)).toEqual(first);
    const second = await writerRun(dir, LAPTOP);
    expect(second.id).not.toBe(first.id);
    expect(JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')).id).toBe(second.id);
  });

  it('writeSection records the run, from the environment when it names one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-run-'));
    const base = { action: 't', stage: 'other' as const, title: 'T', status: 'pass' as const, summary: '', markdown: '' };
    await writeSection(dir, { ...base, id: 'a' }, { GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'ml' });
    await writeSection(dir, { ...base, id: 'b' }, LAPTOP);
    const [a, b] = await readSections(dir);
    expect(a.run).toEqual({ id: '9', attempt: 1, job: 'ml', source: 'github' });
    expect(b.run?.source).toBe('local');
  });
});
