import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { sectionFile } from '../support/sections.js';
import { mlci as runCli } from '../support/cli.js';
import { runAction, type RunOptions, type RunResult } from '../support/runner.js';

const mlci = (args: string[], cwd: string, env: Record<string, string>) => runCli(args, { cwd, env });

/**
 * What the report says about the run as a whole, through the bundles: the job's outcome, a run
 * that wrote nothing, sections an earlier run left behind, each section once on the summary page,
 * and every step summary within GitHub's 1 MiB.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_honest_report_token';
const BOT = 'github-actions[bot]';
const HEAD = 'b'.repeat(40);
const REPORT_DIR = '.mlci-report';

const gh = useGitHub({ repo: REPO, token: TOKEN, login: BOT, write: true });
let nextPr = 400;

function pr(number = nextPr++) {
  gh.addPull(REPO, { number, headSha: HEAD, headRef: 'feature', baseRef: 'main' });
  return { number, event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number, headSha: HEAD, apiUrl: gh.url }) } };
}

function step(action: string, o: Partial<RunOptions> & { inputs?: Record<string, string> }): Promise<RunResult> {
  return runAction({ action, github: gh, token: TOKEN, repository: REPO, ...o, inputs: { 'report-dir': REPORT_DIR, ...o.inputs } });
}

function section(id: string, status: string, markdown: string, run?: object): string {
  const written = { summary: `${id} summary`, created: '2026-11-30T08:00:00.000Z', ...(run ? { run } : {}) };
  return sectionFile({ id, stage: 'metrics', title: `Section ${id}`, status, markdown, ...written });
}

const THIS_RUN = { id: '4242', attempt: 1, job: 'ml', source: 'github' };
const GOOD = { [`${REPORT_DIR}/good.section.json`]: section('good', 'pass', '| metric | value |\n|---|---|\n| auc | 0.97 |', THIS_RUN) };

describe('comment-report learns the job status', () => {
  it('a failed job whose sections all passed makes a failing report that says why, and a failing check run', async () => {
    const { number, event } = pr();
    const r = await step('comment-report', { event, files: GOOD, jobStatus: 'failure', inputs: { 'check-run': 'mlci-job' } });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.outputs.status).toBe('fail');
    const body = gh.comments(REPO, number)[0].body ?? '';
    expect(body.split('\n')[1]).toBe('## ❌ mlci report');
    expect(body).toContain('**The job failed** (job status: failure)');
    expect(body).toContain('a step failed without writing a report section');
    expect(body).toContain('| auc | 0.97 |');
    expect(gh.checkRuns(REPO).find((c) => c.name === 'mlci-job')?.conclusion).toBe('failure');
  });

  it('the same sections in a job that succeeded stay green', async () => {
    const { number, event } = pr();
    const r = await step('comment-report', { event, files: GOOD, jobStatus: 'success', inputs: { 'check-run': 'mlci-ok' } });
    expect(r.outputs.status).toBe('pass');
    expect((gh.comments(REPO, number)[0].body ?? '').split('\n')[1]).toBe('## ✅ mlci report');
    expect(gh.checkRuns(REPO).find((c) => c.name === 'mlci-ok')?.conclusion).toBe('success');
  });

  it('a cancelled job is never green either', async () => {
    const { number, event } = pr();
    const r = await step('comment-report', { event, files: GOOD, jobStatus: 'cancelled', inputs: { 'check-run': 'mlci-cancelled' } });
    expect(r.outputs.status).toBe('warn');
    expect(gh.comments(REPO, number)[0].body).toContain('job status: cancelled');
    expect(gh.checkRuns(REPO).find((c) => c.name === 'mlci-cancelled')?.conclusion).toBe('neutral');
  });
});

describe('a run that wrote nothing keeps the last report', () => {
  it('keeps the good comment under a note with the job status, updated (not stacked) on the next empty run', async () => {
    const { number, event } = pr();
    const good = await step('comment-report', { event, files: GOOD });
    expect(good.outputs.status).toBe('pass');
    const goodBody = gh.comments(REPO, number)[0].body ?? '';

    const empty = await step('comment-report', { event, jobStatus: 'failure', inputs: { 'check-run': 'mlci-empty' } });
    expect(empty.code, empty.stderr + empty.stdout).toBe(0);
    expect(empty.outputs.status).toBe('fail');
    const comments = gh.comments(REPO, number);
    expect(comments).toHaveLength(1);
    const kept = comments[0].body ?? '';
    expect(kept.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
    expect(kept).toContain('**No report from [this run](https://github.com/octo/ml/actions/runs/4242)** (job status: failure)');
    expect(kept).toContain('a step failed before any mlci step wrote a section');
    // The earlier report is all there, below the note.
    expect(kept).toContain('| auc | 0.97 |');
    expect(kept).toContain(goodBody.split('\n').slice(1).join('\n').trim());
    expect(kept).not.toContain('No report sections were written');
    expect(gh.checkRuns(REPO).find((c) => c.name === 'mlci-empty')?.conclusion).toBe('failure');

    const again = await step('comment-report', { event, jobStatus: 'failure', inputs: { mode: 'recreate' } });
    expect(again.code, again.stderr).toBe(0);
    const after = gh.comments(REPO, number);
    expect(after).toHaveLength(1);
    expect(after[0].body?.match(/No report from/g)).toHaveLength(1);
    expect(after[0].body).toContain('| auc | 0.97 |');
  });

  it('with no earlier comment, posts the empty report that says so', async () => {
    const { number, event } = pr();
    const r = await step('comment-report', { event, jobStatus: 'failure' });
    expect(r.outputs.status).toBe('fail');
    const body = gh.comments(REPO, number)[0].body ?? '';
    expect(body).toContain('No report sections were written in this run');
    expect(body).toContain('a step failed before any mlci step wrote a section');
  });
});

describe('sections an earlier run left in the report directory', () => {
  it('comment-report leaves them out and names them', async () => {
    const { number, event } = pr();
    const files = {
      ...GOOD,
      [`${REPORT_DIR}/old.section.json`]: section('old', 'pass', 'OLD BODY from run 4241', { id: '4241', attempt: 1, job: 'ml', source: 'github' }),
      [`${REPORT_DIR}/retry.section.json`]: section('retry', 'pass', 'RETRY BODY from attempt 1', { id: '4242', attempt: 1, job: 'ml', source: 'github' }),
    };
    // This is the second attempt of run 4242: attempt 1's section is stale too.
    const r = await step('comment-report', { event, files, env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(r.code, r.stderr).toBe(0);
    const body = gh.comments(REPO, number)[0].body ?? '';
    expect(body).not.toContain('OLD BODY');
    expect(body).not.toContain('RETRY BODY');
    expect(body).not.toContain('| auc | 0.97 |');
    expect(body).toContain('Left out 3 sections that an earlier run left in the report directory');
    expect(body).toContain('run 4241 attempt 1');
    expect(r.annotations.some((a) => a.level === 'notice' && /earlier run/.test(a.message))).toBe(true);
  });

  it('mlci report on a laptop shows the run since the last report and names what it left out', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlci-laptop-'));
    await writeFile(join(cwd, 'data.csv'), 'a,b\n1,2\n3,4\n');
    await writeFile(join(cwd, 'metrics.json'), '{"auc": 0.9}\n');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' };
    expect((await mlci(['validate', '--data', 'data.csv'], cwd, env)).code).toBe(0);
    expect((await mlci(['compare', '--metrics', 'metrics.json', '--baseline', 'none'], cwd, env)).code).toBe(0);
    const first = await mlci(['report', '--out', 'out1'], cwd, env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('2 section(s), status');
    expect(await readFile(join(cwd, 'out1/report.md'), 'utf8')).toContain('Data validation');

    // A new run: only compare is repeated; the data section is from the run before.
    expect((await mlci(['compare', '--metrics', 'metrics.json', '--baseline', 'none'], cwd, env)).code).toBe(0);
    const second = await mlci(['report', '--out', 'out2'], cwd, env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('1 section(s) (1 from an earlier run left out)');
    expect(second.stderr).toMatch(/left out validate-data-data\.csv: written by run local-[0-9a-f]+ at .*, not by this run local-/);
    const md = await readFile(join(cwd, 'out2/report.md'), 'utf8');
    expect(md).toContain('Left out 1 section');
    expect(md).not.toContain('### ✅ Data validation');

    // MLCI_RUN_ID names the run in any CI: sections of another id are left out.
    const named = await mlci(['report', '--out', 'out3'], cwd, { ...env, MLCI_RUN_ID: 'pipeline-9' });
    expect(named.stdout).toContain('0 section(s) (2 from an earlier run left out)');
  });
});

describe('the job summary page', () => {
  it('shows each section once: each step its own, comment-report the verdict and what no step showed', async () => {
    const { event } = pr();
    const workspace = await mkdtemp(join(tmpdir(), 'mlci-summary-'));
    await mkdir(join(workspace, 'data'), { recursive: true });
    const csv = 'id,score\n1,0.5\n2,x\n3,0.7\n';
    const validate = await step('validate-data', {
      workspace,
      event,
      files: {
        'data/train.csv': csv,
        'data/schema.yml': 'columns:\n  id: { type: integer }\n  score: { type: number }\n',
        'notes.md': '## Notes\n\nUNIQUE NOTE TEXT\n',
      },
      inputs: { data: 'data/train.csv', schema: 'data/schema.yml' },
    });
    expect(validate.code).not.toBe(0);
    // Markdown, never inside a raw HTML block (where GitHub shows `**Verdict: failed**` as is).
    expect(validate.summary).toMatch(/^### ❌ Data validation/);
    expect(validate.summary).not.toMatch(/<h3>/);
    // The one bad value is annotated once, at its line; the step's verdict is not a second error.
    const errors = validate.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => `${a.file}:${a.line}`)).toEqual(['data/train.csv:3']);
    expect(validate.stdout).toMatch(/^validate-data: 1 error in data\/train\.csv$/m);

    const report = await step('comment-report', { workspace, event, jobStatus: 'failure', inputs: { markdown: 'notes.md' } });
    expect(report.code, report.stderr).toBe(0);
    const page = validate.summary + report.summary;
    const validationBody = /Verdict: failed/g;
    expect(page.match(validationBody)).toHaveLength(1);
    expect(page.match(/UNIQUE NOTE TEXT/g)).toHaveLength(1);
    // comment-report's summary still gives the verdict and a line for the data section.
    expect(report.summary).toMatch(/^## ❌ mlci report/m);
    expect(report.summary).toContain('- ❌ **Data validation\\: data/train\\.csv**');
  });
});

describe('step summaries within 1 MiB', () => {
  it('compare-metrics with 40,000 metrics', async () => {
    const metrics: Record<string, number> = {};
    for (let i = 0; i < 40_000; i++) metrics[`layer_${i}.weight_norm_metric`] = i / 7;
    const r = await step('compare-metrics', {
      event: pr().event,
      files: { 'metrics.json': JSON.stringify(metrics) },
      inputs: { metrics: 'metrics.json', baseline: 'none', 'show-unchanged': 'true' },
    });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const section = JSON.parse(await readFile(join(r.workspace, REPORT_DIR, `${r.outputs['diff-json'].split('/').at(-2)}.section.json`), 'utf8'));
    expect(Buffer.byteLength(section.markdown)).toBeGreaterThan(1024 * 1024);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeGreaterThan(512 * 1024);
    expect(r.summary).toMatch(/Cut to fit/);
  });

  it('validate-data with 20,000 failing columns', async () => {
    const n = 20_000;
    const names = Array.from({ length: n }, (_, i) => `feature_${i}`);
    const csv = `${names.join(',')}\n${names.map(() => 'not-a-number').join(',')}\n`;
    const schema = `columns:\n${names.map((c) => `  ${c}: { type: number }`).join('\n')}\n`;
    const r = await step('validate-data', {
      event: pr().event,
      files: { 'wide.csv': csv, 'schema.yml': schema },
      inputs: { data: 'wide.csv', schema: 'schema.yml' },
    });
    expect(r.code).not.toBe(0);
    expect(r.outputs.errors).toBe(String(n));
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeGreaterThan(512 * 1024);
    expect(r.summary).toMatch(/Cut to fit/);
  }, 120_000);
});
