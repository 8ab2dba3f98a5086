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
  workspace as workspaceDir,
  writeStepFile,
  writeSummary,
} from '@mlci/action-kit';
import { downloadByName, uploadDirectory } from '@mlci/action-kit/artifacts';
import { resolveFiles } from '@mlci/core/files';
import { readerRun } from '@mlci/core/section';
import { bundleMarkdownFiles, loadReport, packBundle } from '@mlci/core/report';
import { eventHeadSha, headSha, parseTarget, resolveTarget, triggeringRunVerdict } from '@mlci/core/forge';
import { deliverReport } from '@mlci/core/comment-report';
import { baseBranch, baseCommit, chooseBaseline, parseBaselineSpec, saveWhereRead, type BaselineSpec } from '@mlci/core/baseline';
import { actionsCache } from '@mlci/action-kit/cache';

export async function run(): Promise<void> {
  await runAction({ action: 'comment-report', section: () => ({ id: 'comment-report', stage: 'other', title: 'Report' }) }, async () => {
    const token = input.secret('github-token');
    const markdown = input.list('markdown');
    const reportDir = reportDirInput();
    const title = input.string('title') || 'mlci report';
    const id = input.name('id', 'mlci');
    const target = parseTarget(input.string('target'));
    const mode = input.oneOf('mode', ['upsert', 'recreate', 'create'] as const, 'upsert');
    const hidePrevious = input.bool('hide-previous', false);
    const summary = input.bool('summary', true);
    const checkRun = input.string('check-run');
    const fromArtifact = input.string('from-artifact');
    const uploadArtifact = input.string('upload-artifact');
    const imagesBranch = input.string('images-branch') || 'mlci-assets';
    const dryRun = input.bool('dry-run', false);
    const jobStatus = input.string('job-status');
    const tests = input.list('tests');
    const testsFailOn = input.oneOf('tests-fail-on', ['failure', 'never'] as const, 'failure');
    const testsBaseline = parseBaselineSpec(input.string('tests-baseline') || 'none', 'tests-baseline');

    const ctx = eventContext();
    const workspace = workspaceDir();
    const api = token ? createApi(token) : undefined;

    const markdownFiles = await resolveFiles(markdown, workspace, 'markdown');
    const sections = [];
    if (fromArtifact) {
      // A bundle from another run (on workflow_run, perhaps a fork's): shown, never trusted.
      const bundle = await stepTempDir('mlci-bundle');
      const run = ctx.eventName === 'workflow_run' ? ctx.payload.workflow_run : undefined;
      await downloadByName(fromArtifact, bundle, run && { token, runId: run.id, ...ctx.repo });
      sections.push(...(await loadReport({ reportDir: bundle, markdownFiles: await bundleMarkdownFiles(bundle), untrusted: true })));
    }
    sections.push(...(await loadReport({ reportDir, markdownFiles })));
    const resolved = api ? await resolveTarget(target, ctx, api) : { kind: 'none' as const, reason: 'no github-token' };
    const delivery = await deliverReport(api, {
      id,
      title,
      sections,
      target: resolved,
      mode,
      hidePrevious,
      dryRun,
      checkRun: checkRun ? { name: checkRun, headSha: headSha(ctx) } : undefined,
      repo: ctx.repo,
      serverUrl: ctx.serverUrl,
      runUrl: ctx.runUrl,
      sha: headSha(ctx),
      imagesBranch,
      // A bundle from the triggering run never decides the verdict; what GitHub recorded does.
      verdict: fromArtifact ? triggeringRunVerdict(ctx) : undefined,
      expectedHead: target.kind === 'auto' ? eventHeadSha(ctx) : undefined,
      jobStatus,
      currentRun: await readerRun(reportDir),
      secrets: input.registeredSecrets(),
      tests: tests.length > 0 ? { patterns: tests, failOn: testsFailOn, workspace, reportDir, ...testsBaselineFor(testsBaseline, ctx, api, token) } : undefined,
    });
    delivery.problems.forEach(annotate);

    const bodyPath = await writeStepFile(`mlci-comment-${id}.md`, delivery.body);
    if (summary) await writeSummary(delivery.summary);
    if (uploadArtifact) {
      const staged = await stepTempDir('mlci-upload');
      await packBundle({ reportDir, markdownFiles, workspace, out: staged });
      await uploadDirectory(uploadArtifact, staged);
    }

    setOutputs({
      'comment-id': delivery.comment?.id ?? '',
      'comment-url': delivery.comment?.url ?? '',
      posted: delivery.posted,
      truncated: delivery.truncated,
      'body-path': bodyPath,
      status: delivery.status,
    });
    if (delivery.posted) log(`Report posted: ${delivery.comment?.url}`);
    return undefined;
  });
}

/** The base run's test results: found as compare-metrics finds its baseline, stored where they are found. */
function testsBaselineFor(spec: BaselineSpec, ctx: ReturnType<typeof eventContext>, api: ReturnType<typeof createApi> | undefined, token: string) {
  const cache = actionsCache(process.env, 'test results baseline');
  return {
    baseline: chooseBaseline(spec, ctx),
    services: {
      api,
      repo: ctx.repo,
      baseSha: baseCommit(ctx),
      baseBranch: baseBranch(ctx),
      runId: ctx.runId,
      cache,
      downloadArtifact: (artifact: string, runId: number, dir: string) => downloadByName(artifact, dir, { token, runId, ...ctx.repo }),
    },
    save: { as: saveWhereRead(spec), eventName: ctx.eventName, sha: ctx.sha, cache, upload: uploadDirectory },
  };
}
