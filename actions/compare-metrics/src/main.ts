import { annotate, createApi, eventContext, fail, input, log, reportDir, runAction, runnerTemp, setOutputs, workspace } from '@mlci/action-kit';
import { downloadByName, uploadDirectory } from '@mlci/action-kit/artifacts';
import { actionsCache } from '@mlci/action-kit/cache';
import { baseBranch, baseCommit, baselineName, chooseBaseline, parseBaselineSpec, parseSaveBaseline, storeBaseline } from '@mlci/core/baseline';
import { compareSectionId, compareWithBaseline } from '@mlci/core/compare-metrics';
import { UserError } from '@mlci/core/errors';
import { dvclivePlots } from '@mlci/core/plots';
import { latestTrainRecord, type TrainRecord } from '@mlci/core/section';

export async function run(): Promise<void> {
  let trained: TrainRecord | undefined;
  await runAction(
    {
      action: 'compare-metrics',
      section: () => ({
        id: compareSectionId(baselineName(input.list('metrics').length > 0 ? input.list('metrics') : (trained?.metrics ?? []))),
        stage: 'metrics',
        title: 'Metrics',
      }),
    },
    async () => {
      // Empty metrics/params (and plots) inputs take what a train step before this one recorded in the report.
      trained = await latestTrainRecord(reportDir());
      const metrics = input.list('metrics').length > 0 ? input.list('metrics') : (trained?.metrics ?? []);
      if (metrics.length === 0)
        throw new UserError('input "metrics" is required: the metrics files or globs to compare (no train step before this one recorded any)', {
          input: 'metrics',
        });
      const params = input.list('params').length > 0 ? input.list('params') : (trained?.params ?? []);
      const baselineSpec = parseBaselineSpec(input.string('baseline'));
      const gates = input.string('gates');
      const plots = input.string('plots') || (trained?.dvclive?.steps.length ? dvclivePlots(trained.dvclive.steps) : '');
      const precision = input.integer('precision', 4, 1);
      const showUnchanged = input.bool('show-unchanged', false);
      const saveBaseline = parseSaveBaseline(input.string('save-baseline'));
      const failOnRegression = input.bool('fail-on-regression', true);
      const token = input.secret('github-token');

      const ctx = eventContext();
      const ws = workspace();
      const temp = runnerTemp();
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
          runId: ctx.runId,
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
      if (saveBaseline.kind !== 'none') log(stored.message);

      setOutputs({
        passed: result.diff.passed,
        gates: result.diff.verdict,
        regressions: result.regressions,
        improvements: result.improvements,
        'diff-json': result.diffJsonPath,
        markdown: result.markdownPath,
      });
      log(`Metrics: ${result.summary}`);

      if (result.failure && failOnRegression) fail(result.failure);
      else if (result.failure)
        annotate({ severity: 'warning', message: `${result.failure} (fail-on-regression is false: reported only)`, file: gates || undefined });
      return result.sectionPath;
    },
  );
}
