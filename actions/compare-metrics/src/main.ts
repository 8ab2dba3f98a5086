import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { actionsCache, annotate, createApi, downloadByName, eventContext, input, runAction, uploadDirectory, writeSummary } from '@mlci/action-kit';
import {
  baseBranch,
  baseCommit,
  chooseBaseline,
  compareWithBaseline,
  defaultReportDir,
  parseBaselineSpec,
  parseSaveBaseline,
  storeBaseline,
  UserError,
} from '@mlci/core';

await runAction(async () => {
  const metrics = input.list('metrics');
  if (metrics.length === 0) throw new UserError('input "metrics" is required: the metrics files or globs to compare', { input: 'metrics' });
  const params = input.list('params');
  const baselineSpec = parseBaselineSpec(input.string('baseline'));
  const gates = input.string('gates');
  const plots = input.string('plots');
  const precision = input.integer('precision', 4, 1);
  const showUnchanged = input.bool('show-unchanged', false);
  const saveBaseline = parseSaveBaseline(input.string('save-baseline'));
  const failOnRegression = input.bool('fail-on-regression', true);
  const token = input.secret('github-token');
  const reportDir = input.string('report-dir') || defaultReportDir();

  const ctx = eventContext();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const temp = process.env.RUNNER_TEMP ?? tmpdir();
  const api = token ? createApi(token) : undefined;

  const result = await compareWithBaseline({
    workspace,
    metrics,
    params,
    gates,
    plots,
    baseline: chooseBaseline(baselineSpec, ctx),
    services: {
      api,
      repo: ctx.repo,
      baseSha: baseCommit(ctx),
      baseBranch: baseBranch(ctx),
      runId: Number(process.env.GITHUB_RUN_ID) || undefined,
      headSha: ctx.sha || undefined,
      serverUrl: ctx.serverUrl,
      cache: actionsCache(),
      downloadArtifact: (artifact, runId, dir) => downloadByName(artifact, dir, { token, runId, ...ctx.repo }),
      tempDir: temp,
    },
    precision,
    showUnchanged,
    reportDir,
  });
  result.problems.forEach(annotate);
  await writeSummary(`## Metrics\n\n${result.markdown}`);

  const stored = await storeBaseline(saveBaseline, {
    workspace,
    name: result.name,
    files: result.files,
    // Gates not evaluated (no baseline yet) must not keep the first baseline from being stored.
    passed: result.diff.verdict !== 'failed',
    eventName: ctx.eventName,
    sha: ctx.sha,
    cache: actionsCache(),
    upload: uploadDirectory,
    tempDir: temp,
  });
  if (saveBaseline.kind !== 'none') core.info(stored.message);

  core.setOutput('passed', result.diff.passed);
  core.setOutput('gates', result.diff.verdict);
  core.setOutput('regressions', result.regressions);
  core.setOutput('improvements', result.improvements);
  core.setOutput('diff-json', result.diffJsonPath);
  core.setOutput('markdown', result.markdownPath);
  core.info(`Metrics: ${result.summary}`);

  if (result.failure && failOnRegression) core.setFailed(result.failure);
  else if (result.failure) core.warning(`${result.failure} (fail-on-regression is false: reported only)`, { file: gates || undefined });
});
