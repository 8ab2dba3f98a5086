import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { runAction } from '../support/runner.js';
import { FIXTURES, GET_STARTED, readJson, repository } from './compare-metrics-support.js';

/**
 * The chain a workflow runs: compare-metrics writes its section into the job's report directory,
 * comment-report (its own dist bundle, the same workspace and directory) posts it on the pull
 * request.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_chain_token';
const HEAD_SHA = '7'.repeat(40);

const gh = useGitHub({ repo: REPO, token: TOKEN, write: true, pull: { number: 21, headSha: HEAD_SHA, headRef: 'feature', baseRef: 'main' } });

it('puts the metrics table into the pull request comment', async () => {
  const { workspace } = await repository(join(GET_STARTED, 'base'), join(GET_STARTED, 'head'));
  const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 21, headSha: HEAD_SHA, baseRef: 'main' }) };
  const common = { github: gh, token: TOKEN, repository: REPO, workspace, event, env: { MLCI_REPORT_DIR: join(workspace, '.mlci-report') } };

  const compared = await runAction({
    ...common,
    action: 'compare-metrics',
    files: { '.mlci/gates.yml': 'metrics:\n  "roc_auc.test": { min: 0.9 }\n' },
    inputs: { metrics: 'eval/live/metrics.json\nscores.json', params: 'params.yaml', gates: '.mlci/gates.yml' },
  });
  expect(compared.code, compared.stdout + compared.stderr).toBe(0);

  const posted = await runAction({ ...common, action: 'comment-report' });
  expect(posted.code, posted.stdout + posted.stderr).toBe(0);
  expect(posted.outputs.posted).toBe('true');
  expect(posted.outputs.status).toBe('warn');
  const comments = gh.comments(REPO, 21);
  expect(comments).toHaveLength(1);
  const body = comments[0].body ?? '';
  expect(body).toContain('Metrics');
  expect(body).toContain('4 regressed, 2 improved; 3 params changed; gates passed');
  expect(body).toContain('| `roc_auc` ↑\\* | 0.9608 | 0.9473 | -0.01354 (-1.41%) | 🔴 regressed |');
  expect(body).toContain('| `train.n_est` | 100 | 50 | changed |');
  expect(body).toContain('✅ `roc_auc.test` in `eval/live/metrics.json` min 0\\.9: 0\\.9619 ≥ 0\\.9');
});

it('charts base against head: the comment links the published image, or shows the fallback without write access', async () => {
  const plots = join(FIXTURES, 'plots');
  const { workspace } = await repository([join(GET_STARTED, 'base'), join(plots, 'base')], [join(GET_STARTED, 'head'), join(plots, 'head')]);
  const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 22, headSha: HEAD_SHA, baseRef: 'main' }) };
  gh.addPull(REPO, { number: 22, headSha: HEAD_SHA, headRef: 'charts', baseRef: 'main' });
  const common = { github: gh, token: TOKEN, repository: REPO, workspace, event, env: { MLCI_REPORT_DIR: join(workspace, '.mlci-report') } };

  const compared = await runAction({
    ...common,
    action: 'compare-metrics',
    files: { '.mlci/plots.yml': await readFile(join(plots, 'plots.yml')) },
    inputs: { metrics: 'scores.json', plots: '.mlci/plots.yml' },
  });
  expect(compared.code, compared.stdout + compared.stderr).toBe(0);
  const section = await readJson(join(workspace, '.mlci-report', (await readdir(join(workspace, '.mlci-report'))).find((f) => f.endsWith('.section.json'))!));
  expect(section.images.map((i: any) => i.path)).toEqual([
    expect.stringMatching(/^compare-metrics-[0-9a-f]{12}\/loss\.png$/),
    expect.stringMatching(/\/confusion\.png$/),
  ]);
  const png = await readFile(join(workspace, '.mlci-report', section.images[0].path));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // The legend names both sides: the base branch's curve is drawn beside head's.
  const svg = await readFile(join(workspace, '.mlci-report', section.images[0].path.replace(/\.png$/, '.svg')), 'utf8');
  expect(svg).toContain('base (git:main)');
  expect(section.images[0].fallback).toContain('xychart-beta');
  expect(section.markdown).toContain(`![Training loss`);

  const posted = await runAction({ ...common, action: 'comment-report' });
  expect(posted.code, posted.stdout + posted.stderr).toBe(0);
  const body = gh.comments(REPO, 22)[0].body ?? '';
  expect(body).toContain('| `roc_auc` ↑\\* | 0.9608 | 0.9473 | -0.01354 (-1.41%) | 🔴 regressed |');
  const link = /!\[Training loss[^\]]*\]\((https:\/\/github\.com\/octo\/ml\/blob\/[0-9a-f]{40}\/[^)]+\.png\?raw=true)\)/.exec(body);
  expect(link, body).not.toBeNull();

  // The step summary cannot show local images: the chart is its mermaid fallback there, shown by
  // compare-metrics' own summary and not a second time by comment-report's.
  expect(compared.summary).toContain('xychart-beta');
  expect(compared.summary).not.toContain('loss.png');
  gh.addToken('ghs_chain_read_only', { login: 'github-actions[bot]', type: 'Bot', installation: true, write: false });
  const fork = await runAction({ ...common, token: 'ghs_chain_read_only', action: 'comment-report' });
  expect(fork.code, fork.stdout + fork.stderr).toBe(0);
  expect(fork.summary).not.toContain('xychart-beta');
  expect(fork.summary).not.toContain('loss.png');
});
