import type { Api } from '../forge/api.js';
import type { CommentMode } from '../forge/comments.js';
import type { CommentLimit, ReportForge } from '../forge/report-forge.js';
import { eventHeadSha, headSha, parseTarget, resolveTarget, triggeringRunVerdict, type EventContext, type Target } from '../forge/target.js';
import { resolveFiles } from '../files/globs.js';
import { bundleMarkdownFiles, packBundle } from '../report/bundle.js';
import { loadReport, type LoadedSection } from '../report/load.js';
import { readerRun, type SectionRun } from '../section/run-identity.js';
import { deliverReport, type DeliverOptions, type Delivery } from './deliver.js';
import type { BaselineCache } from '../baseline/cache.js';
import { baseBranch, baseCommit, chooseBaseline, parseBaselineSpec, saveWhereRead } from '../baseline/spec.js';
import type { TestsFailOn } from '../test-results/section.js';

/**
 * What the platform lends the step, as small functions the action supplies from action-kit (the
 * artifact service, RUNNER_TEMP, the job summary): the core knows none of them.
 */
export interface ReportPlatform {
  /** Downloads the artifact `name` into dir: of run `runId` when given (with the job's token), else of this run. */
  downloadArtifact(name: string, dir: string, runId?: number): Promise<void>;
  uploadArtifact(name: string, dir: string): Promise<unknown>;
  /** A new folder of the step's own, `<prefix>-XXXXXX`. */
  tempDir(prefix: string): Promise<string>;
  /** Writes a file of the step's own (the `body-path` output); returns its path. */
  writeStepFile(name: string, text: string): Promise<string>;
  writeSummary(markdown: string): Promise<void>;
  /** The Actions cache, for `tests-baseline: cache`. */
  cache?: BaselineCache;
}

export interface CommentReportOptions {
  workspace: string;
  /** Resolved against the workspace. */
  reportDir: string;
  /** Files and globs, relative to the workspace. */
  markdown: string[];
  title: string;
  id: string;
  /** The `target` input as written (`auto`, `pr/<n>`, `commit/<sha>`, `none`); auto by default. */
  target?: string;
  mode?: CommentMode;
  hidePrevious?: boolean;
  /** When the report has no comment yet, turn the comment an old CML workflow left into it (`replace-cml`). */
  replaceCml?: boolean;
  /** Whether the job summary shows the report too. */
  summary?: boolean;
  /** A check run's name, or '' for none. */
  checkRun?: string;
  /** A report bundle of another run (on workflow_run, the triggering one) to show, or ''. */
  fromArtifact?: string;
  /** Uploads this job's report as a bundle of that name, or ''. */
  uploadArtifact?: string;
  imagesBranch?: string;
  dryRun?: boolean;
  jobStatus?: string;
  /** The comment limit of the forge the report goes to (a local report: the one it would go to); GitHub's by default. */
  commentLimit?: CommentLimit;
  /** Replaced by *** before anything is shown. */
  secrets?: readonly string[];
  /** Test result files and globs (JUnit XML, TAP): a Tests section that counts toward the status. */
  tests?: string[];
  testsFailOn?: TestsFailOn;
  /** The base run's test results, in the `baseline` grammar (`tests-baseline`); none by default. */
  testsBaseline?: string;
  /** The workflow run's event. Without one (the CLI) the report is local: built, never posted. */
  event?: EventContext & { runUrl?: string; serverUrl: string; runId?: number };
  /** A local report's directory (where report.md goes): its images link to their files from there. */
  localImagesFrom?: string;
  /** Where the run that reads the report is named (MLCI_RUN_ID, GITHUB_RUN_ID, ...). */
  env?: NodeJS.ProcessEnv;
  api?: Api;
  /** The forge to post to when it is not the event's GitHub through `api` (the CLI's GitLab); see DeliverOptions.forge. */
  forge?: ReportForge;
  platform?: Partial<ReportPlatform>;
}

export interface CommentReportRun extends Delivery {
  /** The comment body's file (the `body-path` output), when the platform keeps step files. */
  bodyPath?: string;
  /** Every section read, the stale ones (Delivery.stale) included. */
  sections: LoadedSection[];
  /** The run the report shows (sections of others are stale); undefined when nothing names one. */
  currentRun?: SectionRun;
}

/**
 * comment-report as the action runs it: the sections of the report directory (and of another
 * run's bundle, shown but never trusted), delivered as a comment, a check run and the job
 * summary, and packed as a bundle for a later workflow when asked.
 */
export async function runCommentReport(o: CommentReportOptions): Promise<CommentReportRun> {
  const spec = parseTarget(o.target ?? '');
  const ctx = o.event;
  const p = o.platform ?? {};
  const markdownFiles = await resolveFiles(o.markdown, o.workspace, 'markdown');
  const sections: LoadedSection[] = [];
  if (o.fromArtifact) {
    // A bundle from another run (on workflow_run, perhaps a fork's): shown, never trusted.
    const bundle = await platform(p, 'tempDir')('mlci-bundle');
    const run = ctx?.eventName === 'workflow_run' ? ctx.payload.workflow_run : undefined;
    await platform(p, 'downloadArtifact')(o.fromArtifact, bundle, run?.id);
    sections.push(...(await loadReport({ reportDir: bundle, markdownFiles: await bundleMarkdownFiles(bundle), untrusted: true })));
  }
  sections.push(...(await loadReport({ reportDir: o.reportDir, markdownFiles })));
  const currentRun = await readerRun(o.reportDir, o.env);
  const target: Target = !ctx
    ? { kind: 'none', reason: 'local report' }
    : o.api
      ? await resolveTarget(spec, ctx, o.api)
      : { kind: 'none', reason: 'no github-token' };
  const delivery = await deliverReport(o.api, {
    id: o.id,
    title: o.title,
    sections,
    target,
    mode: o.mode ?? 'upsert',
    hidePrevious: o.hidePrevious ?? false,
    replaceCml: o.replaceCml ?? false,
    dryRun: o.dryRun ?? !ctx,
    checkRun: o.checkRun && ctx ? { name: o.checkRun, headSha: headSha(ctx) } : undefined,
    repo: ctx?.repo,
    serverUrl: ctx?.serverUrl ?? o.env?.GITHUB_SERVER_URL ?? 'https://github.com',
    runUrl: ctx?.runUrl,
    sha: ctx && headSha(ctx),
    imagesBranch: o.imagesBranch ?? 'mlci-assets',
    localImagesFrom: o.localImagesFrom,
    // A bundle from the triggering run never decides the verdict; what GitHub recorded does.
    verdict: o.fromArtifact && ctx ? triggeringRunVerdict(ctx) : undefined,
    expectedHead: spec.kind === 'auto' && ctx ? eventHeadSha(ctx) : undefined,
    jobStatus: o.jobStatus,
    currentRun,
    secrets: o.secrets,
    commentLimit: o.commentLimit,
    forge: o.forge,
    tests: o.tests?.length ? testsOptions(o, p) : undefined,
  });

  const bodyPath = p.writeStepFile && (await p.writeStepFile(`mlci-comment-${o.id}.md`, delivery.body));
  if (o.summary) await platform(p, 'writeSummary')(delivery.summary);
  if (o.uploadArtifact) {
    const staged = await platform(p, 'tempDir')('mlci-upload');
    await packBundle({ reportDir: o.reportDir, markdownFiles, workspace: o.workspace, out: staged });
    await platform(p, 'uploadArtifact')(o.uploadArtifact, staged);
  }
  return { ...delivery, bodyPath, sections, currentRun };
}

/** The Tests section's options: its base run found as compare-metrics finds its baseline, and stored where it is found. */
function testsOptions(o: CommentReportOptions, p: Partial<ReportPlatform>): NonNullable<DeliverOptions['tests']> {
  const spec = parseBaselineSpec(o.testsBaseline || 'none', 'tests-baseline');
  const ctx = o.event ?? { eventName: '', payload: {} };
  return {
    patterns: o.tests ?? [],
    failOn: o.testsFailOn ?? 'failure',
    workspace: o.workspace,
    reportDir: o.reportDir,
    baseline: chooseBaseline(spec, ctx),
    services: {
      api: o.api,
      repo: o.event?.repo,
      baseSha: baseCommit(ctx),
      baseBranch: baseBranch(ctx, o.env),
      runId: o.event?.runId,
      cache: p.cache,
      downloadArtifact: p.downloadArtifact && ((name, runId, dir) => p.downloadArtifact!(name, dir, runId)),
    },
    save: o.event ? { as: saveWhereRead(spec), eventName: o.event.eventName, sha: o.event.sha, cache: p.cache, upload: p.uploadArtifact } : undefined,
  };
}

/** A piece of the platform that the inputs asked for; its absence is the caller's bug. */
function platform<K extends keyof ReportPlatform>(p: Partial<ReportPlatform>, name: K): ReportPlatform[K] {
  const piece = p[name];
  if (!piece) throw new Error(`comment-report: ${name} is not available here`);
  return piece;
}
