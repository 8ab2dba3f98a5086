import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { actionsCache, annotate, createApi, downloadByName, eventContext, fail, input, reportDir, runAction, uploadDirectory, workspace } from '@mlci/action-kit';
import { UserError } from '@mlci/core/errors';
import { baseBranch, baseCommit, baselineName, chooseBaseline, parseBaselineSpec, parseSaveBaseline, storeBaseline } from '@mlci/core/baseline';
import { compareSectionId, compareWithBaseline } from '@mlci/core/compare-metrics';

await runAction(
  {
    action: 'compare-metrics',
    section: () => ({ id: compareSectionId(baselineName(input.list('metrics'))), stage: 'metrics', title: 'Metrics' }),
  },
  async () => {
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

    const ctx = eventContext();
    const ws = workspace();
    const temp = process.env.RUNNER_TEMP ?? tmpdir();
    const api = token ? createApi(token) : undefined;

    const result = await compareWithBaseline({
      workspace: ws,
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
      reportDir: reportDir(),
    });
    result.problems.forEach(annotate);

    const stored = await storeBaseline(saveBaseline, {
      workspace: ws,
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

    if (result.failure && failOnRegression) fail(result.failure);
    else if (result.failure) core.warning(`${result.failure} (fail-on-regression is false: reported only)`, { file: gates || undefined });
    return result.sectionPath;
  },
);
