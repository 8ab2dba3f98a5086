import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { runAction, type RunOptions, type RunResult } from '../support/runner.js';
import { BROKEN, expectFailingSectionAndReport, GET_STARTED, readJson, workspaceFrom } from './compare-metrics-support.js';

/**
 * The failing-section contract, through the bundles: an action that fails for a reason of its
 * own still writes its section (status fail, the error and its place) in place of the one it
 * writes on success, and comment-report, spawned next on the same report directory, then posts
 * a report that is not green and a check run that fails. Every other way to fail, and refused
 * inputs, are tested in-process beside each adapter (actions/<name>/src/main.test.ts).
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_honest_failures_token';
const BOT = 'github-actions[bot]';
const HEAD = 'a'.repeat(40);
const METRICS = 'eval/live/metrics.json\nscores.json';
const REPORT_DIR = '.mlci-report';

const gh = useGitHub({ repo: REPO, token: TOKEN, login: BOT, write: true });
let nextPr = 300;

function pr(number: number) {
  gh.addPull(REPO, { number, headSha: HEAD, headRef: 'feature', baseRef: 'main' });
  return { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number, headSha: HEAD, apiUrl: gh.url }) };
}

function step(action: string, o: Partial<RunOptions> & { inputs?: Record<string, string> }): Promise<RunResult> {
  return runAction({ action, github: gh, token: TOKEN, repository: REPO, ...o, inputs: { 'report-dir': REPORT_DIR, ...o.inputs } });
}

async function sectionOf(workspace: string, id: string): Promise<any> {
  return readJson(join(workspace, REPORT_DIR, `${id}.section.json`));
}

/** The compare-metrics section id, as the successful run writes it (read from a good run). */
async function compareSectionId(): Promise<string> {
  const workspace = await workspaceFrom(join(GET_STARTED, 'head'));
  const ok = await step('compare-metrics', { workspace, event: pr(nextPr++), inputs: { metrics: METRICS, baseline: 'none' } });
  expect(ok.code, ok.stderr + ok.stdout).toBe(0);
  // The diff JSON sits in the section's own folder, named by its id.
  const id = basename(dirname(ok.outputs['diff-json']));
  expect((await sectionOf(workspace, id)).status).not.toBe('fail');
  return id;
}

describe('compare-metrics fails with a section of its own, and the report is not green', () => {
  let id: string;
  beforeAll(async () => {
    id = await compareSectionId();
  });

  // One case through the bundles end to end; the others, and refused inputs, run in-process
  // (actions/compare-metrics/src/main.test.ts) with the same assertions.
  for (const c of BROKEN.slice(0, 1)) {
    it(`${c.name}: a fail section at ${c.file}:${c.line}, one error annotation, then a failing report and check run`, async () => {
      const number = nextPr++;
      await expectFailingSectionAndReport(c, { step, gh, repo: REPO, headSha: HEAD, number, event: pr(number), id, reportDir: REPORT_DIR });
    });
  }

  it('even when the job status says success, a fail section makes the report fail', async () => {
    const n = nextPr++;
    const event = pr(n);
    const workspace = await workspaceFrom(join(GET_STARTED, 'head'));
    await step('compare-metrics', { workspace, event, files: BROKEN[3].files, inputs: { metrics: METRICS, baseline: 'none' } });
    const report = await step('comment-report', { workspace, event, inputs: { 'check-run': 'mlci-success-job' } });
    expect(report.outputs.status).toBe('fail');
    expect(gh.checkRuns(REPO).find((c) => c.name === 'mlci-success-job')?.conclusion).toBe('failure');
  });
});
