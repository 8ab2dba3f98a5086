import { annotate, createApi, eventContext, fail, input, log, reportDir, runAction, runnerTemp, setOutputs, workspace } from '@mlci/action-kit';
import { downloadByName, uploadDirectory } from '@mlci/action-kit/artifacts';
import { actionsCache } from '@mlci/action-kit/cache';
import { baselineName } from '@mlci/core/baseline';
import { compareSectionId, runCompareMetrics, withTrainDefaults } from '@mlci/core/compare-metrics';

export async function run(): Promise<void> {
  let trained: { metrics: string[] } | undefined;
  await runAction(
    {
      action: 'compare-metrics',
      section: () => ({
        id: compareSectionId(
          baselineName(input.list('metrics').length > 0 ? input.list('metrics') : trained?.metrics.length ? trained.metrics : input.list('samples')),
        ),
        stage: 'metrics',
        title: 'Metrics',
      }),
    },
    async () => {
      const samples = input.list('samples');
      const files = await withTrainDefaults(
        reportDir(),
        { metrics: input.list('metrics'), params: input.list('params'), plots: input.string('plots'), samples },
        workspace(),
      );
      trained = files.trained;
      const baseline = input.string('baseline');
      const gates = input.string('gates');
      const precision = input.integer('precision', 4, 1);
      const showUnchanged = input.bool('show-unchanged', false);
      const saveBaseline = input.string('save-baseline');
      const failOnRegression = input.bool('fail-on-regression', true);
      const evaluation = {
        sliceMinCount: input.integer('slice-min-count', 30, 0),
        confusion: input.string('confusion'),
        predictions: input.string('predictions'),
        idColumn: input.string('id-column') || 'id',
      };
      const history = input.integer('history', 0, 0);
      const trend = input.list('trend');
      const maxBaselineAge = input.string('max-baseline-age');
      const token = input.secret('github-token');

      const event = eventContext();
      const result = await runCompareMetrics({
        workspace: workspace(),
        ...files,
        samples,
        gates,
        baseline,
        saveBaseline,
        precision,
        showUnchanged,
        evaluation,
        failOnRegression,
        history,
        trend,
        maxBaselineAge,
        reportDir: reportDir(),
        event,
        platform: {
          api: token ? createApi(token) : undefined,
          cache: actionsCache(),
          downloadArtifact: (name, runId, dir) => downloadByName(name, dir, { token, runId, ...event.repo }),
          uploadArtifact: uploadDirectory,
          tempDir: runnerTemp(),
        },
      });
      result.problems.forEach(annotate);
      result.notes.forEach((n) => log(n));

      setOutputs({
        passed: result.diff.passed,
        gates: result.diff.verdict,
        regressions: result.regressions,
        improvements: result.improvements,
        'diff-json': result.diffJsonPath,
        markdown: result.markdownPath,
      });
      log(`Metrics: ${result.summary}`);
      if (result.failed) fail(result.reason);
      return result.sectionPath;
    },
  );
}
