import {
  annotate,
  createApi,
  eventContext,
  input,
  log,
  reportDir as reportDirInput,
  runAction,
  setOutputs,
  stepTempDir,
  workspace,
  writeStepFile,
  writeSummary,
} from '@mlci/action-kit';
import { downloadByName, uploadDirectory } from '@mlci/action-kit/artifacts';
import { actionsCache } from '@mlci/action-kit/cache';
import { runCommentReport } from '@mlci/core/comment-report';

export async function run(): Promise<void> {
  await runAction({ action: 'comment-report', section: () => ({ id: 'comment-report', stage: 'other', title: 'Report' }) }, async () => {
    const token = input.secret('github-token');
    const markdown = input.list('markdown');
    const reportDir = reportDirInput();
    const title = input.string('title') || 'mlci report';
    const id = input.name('id', 'mlci');
    const target = input.string('target');
    const mode = input.oneOf('mode', ['upsert', 'recreate', 'create'] as const, 'upsert');
    const hidePrevious = input.bool('hide-previous', false);
    const replaceCml = input.bool('replace-cml', false);
    const summary = input.bool('summary', true);
    const checkRun = input.string('check-run');
    const fromArtifact = input.string('from-artifact');
    const uploadArtifact = input.string('upload-artifact');
    const imagesBranch = input.string('images-branch') || 'mlci-assets';
    const dryRun = input.bool('dry-run', false);
    const jobStatus = input.string('job-status');
    const tests = input.list('tests');
    const testsFailOn = input.oneOf('tests-fail-on', ['failure', 'never'] as const, 'failure');
    const testsBaseline = input.string('tests-baseline');

    const event = eventContext();
    const delivery = await runCommentReport({
      workspace: workspace(),
      reportDir,
      markdown,
      title,
      id,
      target,
      mode,
      hidePrevious,
      replaceCml,
      summary,
      checkRun,
      fromArtifact,
      uploadArtifact,
      imagesBranch,
      dryRun,
      jobStatus,
      secrets: input.registeredSecrets(),
      tests,
      testsFailOn,
      testsBaseline,
      event,
      api: token ? createApi(token) : undefined,
      platform: {
        downloadArtifact: (name, dir, runId) => downloadByName(name, dir, runId === undefined ? undefined : { token, runId, ...event.repo }),
        uploadArtifact: uploadDirectory,
        tempDir: stepTempDir,
        writeStepFile,
        writeSummary,
        cache: actionsCache(process.env, 'test results baseline'),
      },
    });
    delivery.problems.forEach(annotate);

    setOutputs({
      'comment-id': delivery.comment?.id ?? '',
      'comment-url': delivery.comment?.url ?? '',
      posted: delivery.posted,
      truncated: delivery.truncated,
      'body-path': delivery.bodyPath ?? '',
      status: delivery.status,
    });
    if (delivery.posted) log(`Report posted: ${delivery.comment?.url}`);
    return undefined;
  });
}
