import { describe, expect, it } from 'vitest';
import { eventHeadSha, headSha, parseTarget, resolveTarget, triggeringRunVerdict, type EventContext } from './target.js';
import type { Api } from './api.js';
import { sameLogin } from './identity.js';

const repo = { owner: 'octo', repo: 'ml' };
const noApi: Api = {
  request: async (route) => {
    throw new Error(`unexpected call ${route}`);
  },
  graphql: async () => {
    throw new Error('unexpected graphql');
  },
};

describe('parseTarget', () => {
  it.each([
    ['auto', { kind: 'auto' }],
    ['', { kind: 'auto' }],
    ['none', { kind: 'none' }],
    ['pr/12', { kind: 'pr', number: 12 }],
    ['issue/7', { kind: 'issue', number: 7 }],
    ['commit/ABCDEF1', { kind: 'commit', sha: 'abcdef1' }],
  ])('%s', (value, spec) => expect(parseTarget(value)).toEqual(spec));

  it.each(['pull/12', 'pr/0', 'pr/x', 'commit/xyz', 'pr/12/'])('refuses %s naming the input and value', (value) => {
    expect(() => parseTarget(value)).toThrow(new RegExp(`"target".*"${value.replace(/[/]/g, '\\/')}"`));
  });
});

describe('resolveTarget', () => {
  const ctx = (eventName: string, payload: object, sha = 'm'.repeat(40)): EventContext => ({ eventName, payload, sha, repo });

  it('takes the PR of a pull_request event and its head sha, not the merge commit', async () => {
    const c = ctx('pull_request', { pull_request: { number: 3, head: { sha: 'h'.repeat(40) } } });
    expect(await resolveTarget({ kind: 'auto' }, c, noApi)).toMatchObject({ kind: 'issue', number: 3, isPull: true });
    expect(headSha(c)).toBe('h'.repeat(40));
  });

  it('takes the issue of an issue_comment event', async () => {
    const c = ctx('issue_comment', { issue: { number: 9 } });
    expect(await resolveTarget({ kind: 'auto' }, c, noApi)).toMatchObject({ kind: 'issue', number: 9, isPull: false });
  });

  it('prefers the open PR whose head is the pushed commit', async () => {
    const api: Api = {
      ...noApi,
      request: async () => ({
        status: 200,
        headers: {},
        data: [
          { number: 1, state: 'closed', head: { sha: 'p'.repeat(40) } },
          { number: 2, state: 'open', head: { sha: 'x'.repeat(40) } },
          { number: 4, state: 'open', head: { sha: 'p'.repeat(40) } },
        ],
      }),
    };
    const c = ctx('push', { after: 'p'.repeat(40) });
    expect(await resolveTarget({ kind: 'auto' }, c, api)).toMatchObject({ kind: 'issue', number: 4 });
  });

  it('says why there is nothing to comment on for other events', async () => {
    const t = await resolveTarget({ kind: 'auto' }, ctx('release', {}), noApi);
    expect(t).toMatchObject({ kind: 'none' });
    expect(t.kind === 'none' && t.reason).toContain('release');
  });
});

describe('sameLogin', () => {
  it('matches GraphQL and REST spellings of an app', () => {
    expect(sameLogin('github-actions[bot]', 'github-actions')).toBe(true);
    expect(sameLogin('GitHub-Actions[bot]', 'github-actions[bot]')).toBe(true);
    expect(sameLogin('github-actions', 'mallory')).toBe(false);
    expect(sameLogin(undefined, 'x')).toBe(false);
  });
});

describe('what the event says', () => {
  const ctx = (eventName: string, payload: object): EventContext => ({ eventName, payload, sha: 'm'.repeat(40), repo });

  it.each([
    ['success', 'pass'],
    ['neutral', 'warn'],
    ['failure', 'fail'],
    ['cancelled', 'fail'],
    ['timed_out', 'fail'],
    ['skipped', 'fail'],
    [null, 'fail'],
  ])('a triggering run that concluded %s gives %s, and says so', (conclusion, status) => {
    const v = triggeringRunVerdict(ctx('workflow_run', { workflow_run: { conclusion } }));
    expect(v?.status).toBe(status);
    expect(v?.note).toContain(conclusion ?? 'none');
  });

  it('gives no verdict outside workflow_run', () => {
    expect(triggeringRunVerdict(ctx('pull_request', { pull_request: { number: 1 } }))).toBeUndefined();
  });

  it('names the commit a run is about only when the event does', () => {
    expect(eventHeadSha(ctx('pull_request', { pull_request: { head: { sha: 'h' } } }))).toBe('h');
    expect(eventHeadSha(ctx('workflow_run', { workflow_run: { head_sha: 'w' } }))).toBe('w');
    expect(eventHeadSha(ctx('push', { after: 'p' }))).toBe('p');
    expect(eventHeadSha(ctx('push', { after: '0'.repeat(40) }))).toBeUndefined();
    expect(eventHeadSha(ctx('issue_comment', { issue: { number: 1 } }))).toBeUndefined();
  });
});
