import { Octokit } from '@octokit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGitHub } from '../../../../test/support/loopback.js';
import type { Api } from '../forge/api.js';
import { ageInWords, parseMaxAge, staleBaseline } from './age.js';
import { appendEntry, entryOf, HISTORY_SCHEMA, parseHistory, serializeHistory, type HistoryEntry } from './entry.js';
import { standingOf } from './rank.js';
import { appendHistory, HISTORY_BRANCH, historyPath, readHistory } from './store.js';
import { renderTrend, standingLine } from './trend.js';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricsDiff } from '../metrics/diff.js';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const entry = (n: number, roc: number): HistoryEntry => ({
  sha: sha(n),
  time: new Date(Date.UTC(2026, 10, n)).toISOString(),
  metrics: { 'metrics.json': { roc_auc: roc } },
});

describe('the history file', () => {
  it('keeps the newest `keep` entries, and a re-run of a commit replaces its entry', () => {
    let h: HistoryEntry[] = [];
    for (let i = 1; i <= 7; i++) h = appendEntry(h, entry(i, i / 10), 5);
    expect(h.map((e) => e.sha)).toEqual([3, 4, 5, 6, 7].map(sha));
    h = appendEntry(h, entry(5, 0.99), 5);
    expect(h.map((e) => e.sha)).toEqual([3, 4, 6, 7, 5].map(sha));
    expect(h.at(-1)!.metrics['metrics.json'].roc_auc).toBe(0.99);
  });

  it('round-trips, and skips a malformed entry with a warning naming it', () => {
    const good = [entry(1, 0.8), entry(2, 0.9)];
    expect(parseHistory(serializeHistory(good), 'h').entries).toEqual(good);
    const text = JSON.stringify({
      schema: HISTORY_SCHEMA,
      entries: [good[0], { sha: 'not-hex', time: 'x', metrics: {} }, { ...good[1], metrics: { 'm.json': { a: 'high' } } }, good[1]],
    });
    const read = parseHistory(text, 'mlci-history:history/x.json');
    expect(read.entries).toEqual(good);
    expect(read.unreadable).toBe(false);
    expect(read.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^mlci-history:history\/x\.json: entry 2 is malformed \(\/sha must match/),
      expect.stringMatching(/entry 3 is malformed \(\/metrics\/m\.json\/a must be number\)/),
    ]);
  });

  it('calls a file that is not a history unreadable, never crashing', () => {
    for (const text of ['{"schema": "other", "entries": []}', 'not json', 'null', '[]']) {
      const read = parseHistory(text, 'h');
      expect(read).toMatchObject({ entries: [], unreadable: true });
      expect(read.problems).toHaveLength(1);
    }
  });

  it('records the numeric head values only', () => {
    const row = (key: string, head: unknown) => ({ file: 'm.json', key, head }) as never;
    const e = entryOf([row('a', 1), row('b', Number.NaN), row('c', 'x'), row('d', null)], { sha: sha(1), time: '2026-11-01T00:00:00Z', runId: 7 });
    expect(e).toEqual({ sha: sha(1), time: '2026-11-01T00:00:00Z', runId: 7, metrics: { 'm.json': { a: 1 } } });
  });
});

describe('where the head stands', () => {
  const past = [0.81, 0.85, 0.83, 0.9, 0.85].map((value, i) => ({ sha: sha(i + 1), value }));

  it('ranks by the direction: higher is better', () => {
    const s = standingOf(0.84, past, 'higher')!;
    expect(s).toMatchObject({ n: 5, rank: 4, best: { value: 0.9, sha: sha(4) }, worst: { value: 0.81 }, newBest: false, newWorst: false });
    expect(standingLine('roc_auc', s, 4)).toBe(
      '**roc\\_auc** 0.84 (higher is better): 4th of 6 (the last 5 runs and this change); best 0.9 (`0000000`), worst 0.81 (`0000000`)',
    );
  });

  it('ranks by the direction: lower is better, a tie shares the better rank and names the newest run', () => {
    const s = standingOf(0.85, past, 'lower')!;
    expect(s).toMatchObject({ rank: 3, best: { value: 0.81 }, worst: { value: 0.9 } });
    expect(standingOf(0.84, past, 'higher')!.min.sha).toBe(sha(1));
    expect(standingOf(0.5, past, 'none')!.max.sha).toBe(sha(4));
    expect(standingOf(0.85, past, 'higher')!).toMatchObject({ rank: 2, max: { sha: sha(4) } });
    expect(standingOf(0.85, [...past, { sha: sha(9), value: 0.9 }], 'higher')!.best!.sha).toBe(sha(9));
  });

  it('says a new best and a new worst, and gives only the range without a direction', () => {
    expect(standingOf(0.95, past, 'higher')).toMatchObject({ rank: 1, newBest: true });
    expect(standingOf(0.95, past, 'lower')).toMatchObject({ rank: 6, newWorst: true });
    expect(standingLine('loss', standingOf(0.7, past, 'lower')!, 4)).toMatch(
      /^\*\*loss\*\* 0\.7 \(lower is better\): best of the last 5 runs and this change \(previous best 0\.81/,
    );
    const none = standingOf(0.5, past, 'none')!;
    expect(none.rank).toBeUndefined();
    expect(standingLine('n', none, 4)).toBe('**n** 0.5 (no better direction): the last 5 runs ranged from 0.81 (`0000000`) to 0.9 (`0000000`)');
    expect(standingOf(1, [], 'higher')).toBeUndefined();
  });
});

describe('the trend section', () => {
  const row = (key: string, head: number, direction: 'higher' | 'lower' | 'none') =>
    ({ file: 'm.json', key, head, base: null, delta: null, relative: null, direction, inferred: true, status: 'added' }) as const;
  const diff = (gated: string[]): MetricsDiff =>
    ({
      passed: true,
      verdict: 'passed',
      baseline: false,
      params: [],
      metrics: [row('roc_auc', 0.9, 'higher'), row('log_loss', 0.3, 'lower'), row('val/loss', 0.4, 'lower'), row('epochs', 10, 'none')],
      gates: gated.map((key) => ({ key, file: 'm.json', rule: 'min 0.5', outcome: 'passed', message: '' })),
    }) as MetricsDiff;
  const past = (n: number, metrics: Record<string, number>): HistoryEntry => ({ sha: sha(n), time: '2026-11-01T00:00:00Z', metrics: { 'm.json': metrics } });
  const opts = async (d: MetricsDiff, entries: HistoryEntry[], patterns: string[] = []) => ({
    diff: d,
    entries,
    patterns,
    runs: 3,
    branch: 'main',
    precision: 4,
    outDir: await mkdtemp(join(tmpdir(), 'mlci-trend-')),
    relDir: 'cm',
  });

  it('says why there is no trend: nothing chosen, no history yet, no run with the metric', async () => {
    expect((await renderTrend(await opts(diff([]), [past(1, { roc_auc: 0.8 })]))).markdown).toBe(
      '<sub>No trend over main: no metric is gated or named in `trend`.</sub>',
    );
    expect((await renderTrend(await opts(diff(['roc_auc']), []))).markdown).toMatch(/has no run of main yet/);
    expect((await renderTrend(await opts(diff(['roc_auc']), [past(1, { other: 1 })]))).markdown).toMatch(/no run in the metrics history has this metric/);
  });

  it('shows the gated metrics and those a glob names, against the last `runs` entries only, with a chart each', async () => {
    const entries = [
      past(1, { roc_auc: 0.99, log_loss: 0.1 }),
      past(2, { roc_auc: 0.7, log_loss: 0.5, 'val/loss': 0.2 }),
      past(3, { roc_auc: 0.95 }),
      past(4, { roc_auc: 0.85 }),
    ];
    const o = await opts(diff(['roc_auc']), entries, ['*loss']);
    const t = await renderTrend(o);
    expect(t.metrics.map((m) => [m.key, m.standing.n, m.standing.rank])).toEqual([
      // The oldest entry (0.99) is past the last 3 runs.
      ['roc_auc', 3, 2],
      ['log_loss', 1, 1],
      ['val/loss', 1, 2],
    ]);
    expect(t.markdown).not.toContain('epochs');
    expect(t.images.map((i) => i.path)).toEqual(['cm/trend-1.png', 'cm/trend-2.png', 'cm/trend-3.png']);
    const spec = JSON.parse(await readFile(join(o.outDir, 'trend-1.vl.json'), 'utf8'));
    expect(spec.data.values.map((v: { x: string; y: number }) => [v.x, v.y])).toEqual([
      [sha(2).slice(0, 7), 0.7],
      [sha(3).slice(0, 7), 0.95],
      [sha(4).slice(0, 7), 0.85],
      ['this change', 0.9],
    ]);
  });
});

describe('the bound on the baseline age', () => {
  it('reads whole numbers with a unit', () => {
    expect(parseMaxAge('14d')).toBe(14 * 86_400_000);
    expect(parseMaxAge(' 36h ')).toBe(36 * 3_600_000);
    expect(parseMaxAge('2w')).toBe(14 * 86_400_000);
    expect(parseMaxAge('90m')).toBe(90 * 60_000);
    expect(parseMaxAge('')).toBeUndefined();
    expect(parseMaxAge('0')).toBeUndefined();
    for (const bad of ['14', '1.5d', 'd', '-3d', '0d', '14 days', '3y'])
      expect(() => parseMaxAge(bad), bad).toThrow(/input "max-baseline-age": ".*" is not an age/);
  });

  it('says a baseline is stale past the bound, by its commit date, else its save', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const maxAge = parseMaxAge('14d');
    expect(staleBaseline({ maxAge, commitDate: '2026-11-20T12:00:00Z', now, label: 'git:main' })).toBeUndefined();
    const stale = staleBaseline({ maxAge, commitDate: '2026-11-01T12:00:00Z', savedAt: '2026-12-01T00:00:00Z', now, label: 'git:main' })!;
    expect(stale.problem).toMatchObject({ severity: 'warning', title: 'stale baseline' });
    expect(stale.problem.message).toBe(
      'The baseline is stale: git:main is a commit from 31 days ago, more than max-baseline-age (14 days) allows. The deltas compare with an old state of the base branch.',
    );
    expect(stale.line).toMatch(/^> ⚠️ The baseline is stale\\: git\\:main is a commit/);
    expect(staleBaseline({ maxAge, savedAt: '2026-11-01T12:00:00Z', now, label: 'cache' })!.problem.message).toMatch(/cache was saved 31 days ago/);
    expect(staleBaseline({ maxAge: undefined, commitDate: '2020-01-01T00:00:00Z', now, label: 'x' })).toBeUndefined();
    expect(staleBaseline({ maxAge, now, label: 'x' })).toBeUndefined();
    expect(ageInWords(3_600_000 * 25)).toBe('1 day');
  });
});

describe('the history branch, through the Git Data API', () => {
  const REPO = 'octo/ml';
  const TOKEN = 'ghs_history';
  const READ_ONLY = 'ghs_history_read';
  const gh = useGitHub({ repo: REPO, token: TOKEN, write: true });
  const repo = { owner: 'octo', repo: 'ml' };
  let api: Api;
  beforeAll(() => {
    api = new Octokit({ auth: TOKEN, baseUrl: gh.url }) as unknown as Api;
    gh.addToken(READ_ONLY, { login: 'github-actions[bot]', type: 'Bot', installation: true, write: false });
  });

  it('starts the branch, appends with retention, and loses no entry when runs append at once', async () => {
    const place = { api, repo, name: 'abc123' };
    expect(await readHistory(place)).toEqual({ entries: [], problems: [], unreadable: false });
    expect(await appendHistory(place, entry(1, 0.8), 4)).toMatchObject({ written: true });
    const before = gh.requests.length;
    const results = await Promise.all([2, 3, 4].map((n) => appendHistory(place, entry(n, 0.8 + n / 100), 4)));
    expect(results.every((r) => r.written)).toBe(true);
    // The three raced: the ones that lost were refused as non-fast-forwards and appended again.
    expect(gh.requests.slice(before).filter((r) => r.method === 'PATCH' && r.status === 422).length).toBeGreaterThan(0);
    const read = await readHistory(place);
    expect(read.entries.map((e) => e.sha).sort()).toEqual([1, 2, 3, 4].map(sha));
    await appendHistory(place, entry(5, 0.9), 4);
    expect((await readHistory(place)).entries.map((e) => e.sha)).toEqual([...read.entries.slice(1).map((e) => e.sha), sha(5)]);
    expect(Object.keys(gh.refs(REPO))).toContain(`refs/heads/${HISTORY_BRANCH}`);
  });

  it('never changes the history when the write is refused, or when the file is not a history', async () => {
    const place = { api, repo, name: 'def456' };
    await appendHistory(place, entry(1, 0.8), 10);
    const head = gh.refs(REPO)[`refs/heads/${HISTORY_BRANCH}`];
    const readOnly = { ...place, api: new Octokit({ auth: READ_ONLY, baseUrl: gh.url }) as unknown as Api };
    await expect(appendHistory(readOnly, entry(2, 0.9), 10)).rejects.toMatchObject({ status: 403 });
    expect(gh.refs(REPO)[`refs/heads/${HISTORY_BRANCH}`]).toBe(head);
    expect((await readHistory(place)).entries.map((e) => e.sha)).toEqual([sha(1)]);

    // A hand-edited file that is no longer a history is left for a person to fix.
    const broken = { ...place, name: 'broken' };
    const { data: parent } = await api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...repo, commit_sha: head });
    const { data: blob } = await api.request('POST /repos/{owner}/{repo}/git/trees', {
      ...repo,
      base_tree: parent.tree.sha,
      tree: [{ path: historyPath('broken'), mode: '100644', type: 'blob', content: '{"entries": oops' }],
    });
    const { data: commit } = await api.request('POST /repos/{owner}/{repo}/git/commits', { ...repo, message: 'edit', tree: blob.sha, parents: [head] });
    await api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: `heads/${HISTORY_BRANCH}`, sha: commit.sha });
    const r = await appendHistory(broken, entry(3, 0.7), 10);
    expect(r.written).toBe(false);
    expect(r.message).toMatch(/is not a history file/);
    expect(gh.refs(REPO)[`refs/heads/${HISTORY_BRANCH}`]).toBe(commit.sha);
  });
});
