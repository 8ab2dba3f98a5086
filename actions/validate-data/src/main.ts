import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { annotate, createApi, eventContext, input, runAction, writeSummary } from '@mlci/action-kit';
import { defaultReportDir, escapeHtml, FAIL_ON, pullRequestBase, runValidation, saveValidation } from '@mlci/core';

await runAction(async () => {
  const data = input.list('data');
  const schema = input.string('schema');
  const inferSchema = input.string('infer-schema');
  const reference = input.list('reference');
  const failOn = input.oneOf('fail-on', FAIL_ON, 'error');
  const maxExamples = input.integer('max-examples', 5, 0);
  const sample = input.integer('sample', 0, 1) || undefined;
  const reportDir = input.string('report-dir') || defaultReportDir();
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
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: process.env.RUNNER_TEMP ?? tmpdir(),
    base: pullRequestBase(ctx.payload),
    api: token ? createApi(token) : undefined,
    repo: ctx.repo,
  });
  run.problems.forEach(annotate);
  const resultJson = await saveValidation(reportDir, run);
  await writeSummary(`<h3>${escapeHtml(run.section.title)}</h3>\n${run.section.markdown}`);

  core.setOutput('passed', run.result.passed);
  core.setOutput('errors', run.result.errors);
  core.setOutput('warnings', run.result.warnings);
  core.setOutput('rows', run.result.rows);
  core.setOutput('result-json', resultJson);
  core.info(run.section.summary);
  if (run.failed) core.setFailed(run.reason);
});
