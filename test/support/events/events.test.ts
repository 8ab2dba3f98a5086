import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pullRequestEvent, pushEvent, workflowRunEvent } from './payloads.js';
import { validateEvent, webhookNames } from './validate.js';

const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const BASE = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const ZERO = '0'.repeat(40);

describe('event payloads validate against GitHub webhook descriptions', () => {
  const cases: Array<[string, string, () => unknown]> = [
    [
      'pull-request-opened',
      'same-repository PR',
      () => pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD, baseSha: BASE, title: 'Tune', body: 'Why' }),
    ],
    ['pull-request-opened', 'PR from a fork', () => pullRequestEvent({ owner: 'octo', repo: 'ml', number: 8, headSha: HEAD, fork: true })],
    ['pull-request-synchronize', 'new commits pushed', () => pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD, action: 'synchronize' })],
    ['push', 'push to main', () => pushEvent({ owner: 'octo', repo: 'ml', after: HEAD, before: BASE })],
    ['push', 'new branch', () => pushEvent({ owner: 'octo', repo: 'ml', ref: 'refs/heads/exp', after: HEAD, before: ZERO })],
    ['push', 'deleted branch', () => pushEvent({ owner: 'octo', repo: 'ml', ref: 'refs/heads/exp', after: ZERO, before: HEAD })],
    [
      'workflow-run-completed',
      'after a pull_request run',
      () => workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 4242, headSha: HEAD, headBranch: 'feature/x', pullRequests: [{ number: 7, headSha: HEAD }] }),
    ],
    [
      'workflow-run-completed',
      'after a fork run that failed',
      () => workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 4243, headSha: HEAD, headOwner: 'contributor', conclusion: 'failure' }),
    ],
    [
      'workflow-run-completed',
      'on GHES',
      () => workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 1, headSha: HEAD, event: 'push', serverUrl: 'https://ghe.example.com' }),
    ],
  ];

  it.each(cases)('%s: %s', (name, _label, build) => {
    expect(validateEvent(name, build())).toEqual([]);
  });

  it('every name used here is a described webhook', () => {
    expect(webhookNames()).toEqual(expect.arrayContaining(['pull-request-opened', 'pull-request-synchronize', 'push', 'workflow-run-completed']));
    expect(() => validateEvent('pull-request-teleported', {})).toThrow(/no webhook named/);
  });
});

describe('broken payloads do not validate', () => {
  it('a pull_request without head.sha', () => {
    const p: any = pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD });
    delete p.pull_request.head.sha;
    expect(validateEvent('pull-request-opened', p)).toEqual([expect.stringMatching(/\/pull_request\/head .*'sha'/)]);
  });

  it('a synchronize event without `before`, or with the opened action', () => {
    const p: any = pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD, action: 'synchronize' });
    delete p.before;
    expect(validateEvent('pull-request-synchronize', p).join('\n')).toMatch(/'before'/);
    const opened = pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD });
    expect(validateEvent('pull-request-synchronize', opened).length).toBeGreaterThan(0);
  });

  it('a push without its pusher, and one whose repository lost its owner', () => {
    const p: any = pushEvent({ owner: 'octo', repo: 'ml', after: HEAD });
    delete p.pusher;
    expect(validateEvent('push', p)).toEqual([expect.stringMatching(/'pusher'/)]);
    const q: any = pushEvent({ owner: 'octo', repo: 'ml', after: HEAD });
    delete q.repository.owner;
    expect(validateEvent('push', q).join('\n')).toMatch(/\/repository .*'owner'/);
  });

  it('a workflow_run with an unknown conclusion or without its head_sha', () => {
    const p: any = workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 1, headSha: HEAD, conclusion: 'great' });
    expect(validateEvent('workflow-run-completed', p).join('\n')).toMatch(/\/workflow_run\/conclusion/);
    const q: any = workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 1, headSha: HEAD });
    delete q.workflow_run.head_sha;
    expect(validateEvent('workflow-run-completed', q).join('\n')).toMatch(/'head_sha'/);
  });
});

describe('payload contents', () => {
  it('puts the head sha where checks belong and marks a fork as one', () => {
    const p = pullRequestEvent({ owner: 'octo', repo: 'ml', number: 8, headSha: HEAD, headRef: 'fix', fork: true });
    expect(p.pull_request.head).toMatchObject({ sha: HEAD, ref: 'fix', label: 'contributor:fix' });
    expect(p.pull_request.head.repo).toMatchObject({ full_name: 'contributor/ml', fork: true });
    expect(p.pull_request.base.repo).toMatchObject({ full_name: 'octo/ml', fork: false });
    expect(p.repository.full_name).toBe('octo/ml');
    const same = pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD });
    expect(same.pull_request.head.repo.full_name).toBe('octo/ml');
  });

  it('builds its links from the given hosts', () => {
    const p = pullRequestEvent({
      owner: 'octo',
      repo: 'ml',
      number: 7,
      headSha: HEAD,
      serverUrl: 'http://127.0.0.1:8080',
      apiUrl: 'http://127.0.0.1:8080/api',
    });
    expect(p.pull_request.url).toBe('http://127.0.0.1:8080/api/repos/octo/ml/pulls/7');
    expect(p.pull_request.html_url).toBe('http://127.0.0.1:8080/octo/ml/pull/7');
    const ghes = workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 5, headSha: HEAD, serverUrl: 'https://ghe.example.com' });
    expect(ghes.workflow_run.artifacts_url).toBe('https://ghe.example.com/api/v3/repos/octo/ml/actions/runs/5/artifacts');
  });

  it('shares no object between places, so breaking one leaves its twin intact', () => {
    const p: any = pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD });
    delete p.pull_request.head.repo.owner;
    expect(p.pull_request.base.repo.owner.login).toBe('octo');
    expect(p.repository.owner.login).toBe('octo');
  });

  it('marks created and deleted branches in a push', () => {
    expect(pushEvent({ owner: 'o', repo: 'r', after: HEAD, before: ZERO })).toMatchObject({ created: true, deleted: false });
    const gone = pushEvent({ owner: 'o', repo: 'r', after: ZERO, before: HEAD });
    expect(gone).toMatchObject({ created: false, deleted: true, head_commit: null, commits: [] });
  });
});

describe('read by @actions/github as an action would', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('gives context.issue and the pull request head from GITHUB_EVENT_PATH', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-event-'));
    const file = join(dir, 'event.json');
    await writeFile(file, JSON.stringify(pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: HEAD })));
    vi.stubEnv('GITHUB_EVENT_PATH', file);
    vi.stubEnv('GITHUB_EVENT_NAME', 'pull_request');
    vi.stubEnv('GITHUB_REPOSITORY', 'octo/ml');
    const { context } = await import('@actions/github');
    expect(context.issue).toEqual({ owner: 'octo', repo: 'ml', number: 7 });
    expect(context.payload.pull_request?.head.sha).toBe(HEAD);
  });
});
