import { annotate, createApi, eventContext, fail, input, log, reportDir, runAction, runnerTemp, setOutputs, workspace } from '@mlci/action-kit';
import { sectionFile } from '@mlci/core/section';
import { pullRequestBase } from '@mlci/core/data';
import { FAIL_ON, runValidation, sectionId, sectionTitle } from '@mlci/core/validate-data';

export async function run(): Promise<void> {
  await runAction(
    {
      action: 'validate-data',
      section: () => ({ id: sectionId(input.list('data')), stage: 'data', title: sectionTitle(input.list('data')) }),
    },
    async () => {
      const data = input.list('data');
      const schema = input.string('schema');
      const inferSchema = input.string('infer-schema');
      const reference = input.list('reference');
      const failOn = input.oneOf('fail-on', FAIL_ON, 'error');
      const maxExamples = input.integer('max-examples', 5, 0);
      const sample = input.integer('sample', 0, 1) || undefined;
      const dir = reportDir();
      const token = input.secret('github-token');

      const ctx = eventContext();
      const run = await runValidation({
        data,
        schema: schema || undefined,
        inferSchema: inferSchema || undefined,
        reference,
        failOn,
        maxExamples,
        sample,
        workspace: workspace(),
        tempDir: runnerTemp(),
        base: pullRequestBase(ctx.payload),
        api: token ? createApi(token) : undefined,
        repo: ctx.repo,
        reportDir: dir,
      });
      run.problems.forEach(annotate);

      setOutputs({
        passed: run.result.passed,
        errors: run.result.errors,
        warnings: run.result.warnings,
        rows: run.result.rows,
        'result-json': run.resultJson,
      });
      log(run.section.summary);
      // The failed checks were annotated at their lines: the verdict that counts them is not another error.
      if (run.failed) fail(run.reason, { annotated: run.problems.some((p) => p.severity === 'error') });
      return sectionFile(dir, run.section.id);
    },
  );
}
