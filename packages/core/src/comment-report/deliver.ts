import { relative, sep } from 'node:path';
import type { Problem } from '../errors.js';
import { isNotPermitted, messageOf, type Api, type Repo } from '../forge/api.js';
import type { CommentMode } from '../forge/comments.js';
import { GITHUB_COMMENT_LIMIT, gitHubReportForge, type CmlReplacement, type CommentLimit, type ReportForge } from '../forge/report-forge.js';
import type { Target } from '../forge/target.js';
import { composeReport, keepPreviousReport } from '../report/compose.js';
import { fitReport, measureUtf8Bytes } from '../report/fit.js';
import { rewriteImages } from '../report/images.js';
import { closeOpenFence, neutralizeMentions } from '../section/mentions.js';
import { withoutSecrets } from '../report/scrub.js';
import type { LoadedSection } from '../report/load.js';
import { sameRun, type SectionRun } from '../section/run-identity.js';
import { worstStatus, type Section, type Status } from '../section/section.js';
import { SUMMARY_LIMIT_BYTES } from '../report/step-summary.js';
import type { TestsSectionOptions } from '../test-results/section.js';
import type { CheckAnnotation } from '../forge/checks.js';
import { readSection, SECTION_SCHEMA, writeSection } from '../section/section.js';

/** Workflow-command annotations GitHub keeps per step and severity; more go on the check run. */
export const STEP_ANNOTATION_LIMIT = 10;

/** GitHub refuses comment bodies over 65,536 characters (422). */
export const COMMENT_LIMIT = GITHUB_COMMENT_LIMIT.limit;
/** A check run's output.summary holds 65,535 characters. */
export const CHECK_SUMMARY_LIMIT = 65_535;
export { SUMMARY_LIMIT_BYTES };

export interface DeliverOptions {
  id: string;
  title: string;
  sections: LoadedSection[];
  target: Target;
  mode: CommentMode;
  hidePrevious: boolean;
  dryRun: boolean;
  /** Create a check run of this name on `headSha`. */
  checkRun?: { name: string; headSha: string };
  repo?: Repo;
  serverUrl: string;
  runUrl?: string;
  sha?: string;
  /** The branch that holds published images. */
  imagesBranch: string;
  /**
   * A local report (the CLI): images are not published but linked to their files, relative to
   * this directory (where report.md is written).
   */
  localImagesFrom?: string;
  /**
   * The verdict when untrusted sections may not decide it (on workflow_run: the triggering run's
   * conclusion). Trusted sections (this job's own) still count; untrusted statuses never do.
   */
  verdict?: { status: Status; note: string };
  /**
   * The commit this run built. When set and the target is a pull request, the comment is only
   * written while that commit is still the PR's head: an older run never replaces a newer report.
   */
  expectedHead?: string;
  /** The forge's comment limit the body is fitted to; the forge's, else GitHub's. */
  commentLimit?: CommentLimit;
  /**
   * The forge to post to. Without one, a GitHub forge on the target through `api` (the action);
   * with one (the CLI's GitLab), the target is the forge's and `target` only says why not.
   */
  forge?: ReportForge;
  /** When the report has no comment yet, turn the comment an old CML workflow left into it (`replace-cml`). */
  replaceCml?: boolean;
  /** The job token and every value the step registered as secret: replaced by *** before anything is shown. */
  secrets?: readonly string[];
  /** The job's outcome (`job.status`): a job that did not succeed never gets a green report. */
  jobStatus?: string;
  /**
   * This run: sections of the report directory written by another run are left out (the header
   * names them). Sections from a bundle (`untrusted`) are another run's by design and stay.
   */
  currentRun?: SectionRun;
  /**
   * Test result files (the `tests` input): a Tests section of their own, which counts toward the
   * status; failing tests become annotations. Links point at `sha` of `repo`.
   */
  tests?: Omit<TestsSectionOptions, 'links'> & {
    /** The Tests section is also written here, so that the report bundle (upload-artifact) carries it. */
    reportDir?: string;
  };
}

export interface Delivery {
  status: Status;
  /** The comment body, as posted (or as it would be, on a dry run). */
  body: string;
  /** The job summary's markdown. */
  summary: string;
  truncated: boolean;
  posted: boolean;
  /** `created` when the forge says whether the comment is new (GitLab). */
  comment?: { id: number; url: string; created?: boolean };
  check?: { id: number; url: string };
  imagesPublished: number;
  /** Ids of sections left out because an earlier run wrote them. */
  stale: string[];
  /** How many sections the report shows. */
  shown: number;
  /** True when this run wrote nothing and the comment kept the earlier report under a note. */
  keptPrevious: boolean;
  /** Warnings and notices for the adapter to show; the core never prints. */
  problems: Problem[];
}

const PERMISSION_FIX =
  'Give the job `permissions: pull-requests: write` (issues: write for issues, contents: write for commit comments). ' +
  'A pull request from a fork never gets a token that may write: use the fork-safe pair instead — ' +
  'upload the report with `upload-artifact` in the pull_request workflow and post it from a workflow_run ' +
  'workflow with `from-artifact` (see the README).';

/** What became of the comment CML left: said in the log either way. */
function cmlNotice(cml: CmlReplacement, where: string): Problem {
  return cml.replaced
    ? {
        severity: 'notice',
        title: 'CML comment replaced',
        message: `The comment CML left on ${where} (id ${cml.id}) now holds this report; later runs update it.`,
      }
    : {
        severity: 'warning',
        title: 'CML comment not replaced',
        message: `The comment CML left on ${where} (id ${cml.id}) could not be edited (${cml.reason}): it was left as it was and the report was posted as a new comment.`,
      };
}

/**
 * Turns loaded sections into a comment, a job summary and a check run. Posting failures that the
 * user can fix (a token that may not write) become warnings, not failures: the summary and the
 * artifact still carry the report.
 */
export async function deliverReport(api: Api | undefined, options: DeliverOptions): Promise<Delivery> {
  const o = withoutSecrets(options);
  const problems: Problem[] = [];
  const forge = o.forge ?? (api && o.target.kind !== 'none' ? gitHubReportForge(api, o.target, o.repo) : undefined);
  const canWrite = forge !== undefined && !o.dryRun;

  const annotations: Problem[] = [];
  let given = o.sections;
  if (o.tests) {
    // Loaded on use: the XML and TAP parsers stay out of reports that show no tests.
    const { buildTestsSection, TESTS_SECTION_ID } = await import('../test-results/section.js');
    const tests = await buildTestsSection({ ...o.tests, links: o.repo && o.sha ? { serverUrl: o.serverUrl, repo: o.repo, sha: o.sha } : undefined });
    problems.push(...tests.problems);
    annotations.push(...tests.annotations);
    const section: Section = o.tests.reportDir
      ? await readSection(await writeSection(o.tests.reportDir, tests.section), { own: true })
      : { schema: SECTION_SCHEMA, created: new Date().toISOString(), ...tests.section };
    // This step's own results replace a Tests section an earlier comment-report step of the job left.
    given = [...given.filter((l) => l.untrusted || l.section.id !== TESTS_SECTION_ID), { section, baseDir: '', images: [] }];
  }
  const isStale = (l: LoadedSection) => !l.untrusted && o.currentRun !== undefined && l.section.run !== undefined && !sameRun(l.section.run, o.currentRun);
  const stale = given.filter(isStale).map((l) => l.section);
  const current = given.filter((l) => !isStale(l));
  if (stale.length > 0) {
    problems.push({
      severity: 'notice',
      title: 'Sections from an earlier run left out',
      message: `Left out ${stale.length} report section(s) that an earlier run left in the report directory: ${stale.map((s) => s.id).join(', ')}.`,
    });
  }

  const images = current.flatMap((s) => s.images);
  let urls = new Map<string, string>();
  if (o.localImagesFrom !== undefined) {
    const from = o.localImagesFrom;
    urls = new Map(images.map((i) => [i.path, relative(from, i.path).split(sep).join('/')]));
  } else if (canWrite && forge.publishImages && images.length > 0) {
    try {
      urls = await forge.publishImages(
        images.map((i) => ({ ref: i.path, path: i.path })),
        {
          branch: o.imagesBranch,
          serverUrl: o.serverUrl,
          message: `mlci: images for report "${o.id}"${o.sha ? ` at ${o.sha.slice(0, 7)}` : ''}`,
        },
      );
    } catch (e) {
      problems.push({
        severity: 'warning',
        title: 'Report images not published',
        message: `Charts are shown as text: images could not be committed to the "${o.imagesBranch}" branch (${messageOf(e)}). Give the job \`permissions: contents: write\` to show them as images.`,
      });
    }
  }

  const dropped = current.flatMap((l) => l.dropped ?? []);
  if (dropped.length > 0) {
    const reasons = [...new Set(dropped.map((d) => d.reason))].join('; ');
    problems.push({
      severity: 'warning',
      title: 'Report images dropped',
      message: `${dropped.length} image(s) of the report bundle were not published (${reasons}). A bundle from another run may publish only PNG, JPEG, GIF or WebP files inside it, 20 images, 5 MB each, 25 MB in all.`,
    });
  }
  const anyUntrusted = current.some((l) => l.untrusted);
  // The job summary shows each section once: bodies that their own step showed on this job's
  // page are left to that step's summary. A bundle's sections were shown on another job's page.
  const shownByItsStep = new WeakSet<Section>();
  const sections: Section[] = current.map((l) => {
    const shown = (s: Section) => {
      const r = l.section.run;
      if (!l.untrusted && l.section.summarized === true && o.currentRun && r && sameRun(r, o.currentRun) && r.job === o.currentRun.job) shownByItsStep.add(s);
      return s;
    };
    const byRef = new Map<string, string>();
    for (const img of l.images) {
      const url = urls.get(img.path);
      if (url) byRef.set(img.ref, url);
    }
    const fallbacks = new Map((l.section.images ?? []).map((i) => [i.path, i.fallback]));
    const refused = new Map((l.dropped ?? []).map((d) => [d.ref, d.reason]));
    const markdown = rewriteImages(l.section.markdown, byRef, (ref) => (refused.has(ref) ? `_image not shown: ${refused.get(ref)}_` : fallbacks.get(ref)));
    // Title and summary are escaped where they are shown (compose, fit); the markdown is parsed.
    // With a bundle in the report every section is closed off, so that no fence of ours can be
    // closed by the bundle's markdown and turn its code into live text, nor the reverse.
    if (!l.untrusted) return shown({ ...l.section, markdown: anyUntrusted ? closeOpenFence(markdown) : markdown });
    return { ...l.section, markdown: neutralizeMentions(markdown) };
  });
  const verdict = o.verdict && {
    status: worstStatus([o.verdict.status, ...current.filter((l) => !l.untrusted).map((l) => l.section.status)]),
    note: o.verdict.note,
  };

  const base = {
    id: o.id,
    title: o.title,
    sections,
    footer: { runUrl: o.runUrl, sha: o.sha, when: new Date().toISOString() },
    verdict,
    jobStatus: o.jobStatus,
    stale,
  };
  let composed = composeReport(base);
  const summary = fitReport(composeReport({ ...base, showBody: (s) => !shownByItsStep.has(s) }), {
    limit: SUMMARY_LIMIT_BYTES,
    measure: (s: string) => Buffer.byteLength(s, 'utf8'),
    fullReportUrl: o.runUrl,
  });

  // This run wrote nothing: keep the report an earlier run posted, under a note.
  let mode = o.mode;
  let hidePrevious = o.hidePrevious;
  let keptPrevious = false;
  let author: string | undefined;
  if (sections.length === 0 && canWrite && forge.previousReport && o.mode !== 'create') {
    const previous = await forge.previousReport(o.id);
    author = previous.author;
    if (previous.body) {
      composed = keepPreviousReport({ id: o.id, title: o.title, previousBody: previous.body, jobStatus: o.jobStatus, runUrl: o.runUrl });
      // Update in place: `recreate` would post it anew and remove the old one for nothing.
      mode = 'upsert';
      keptPrevious = true;
    }
  }
  // Hiding the earlier reports under a new, empty one would hide the last real report.
  if (sections.length === 0) hidePrevious = false;
  const fitTo = o.commentLimit ?? forge?.commentLimit ?? GITHUB_COMMENT_LIMIT;
  const comment = fitReport(composed, { limit: fitTo.limit, limitOf: fitTo.forge, fullReportUrl: o.runUrl });

  const delivery: Delivery = {
    status: composed.status,
    body: comment.body,
    summary: summary.body,
    truncated: comment.truncated || summary.truncated,
    posted: false,
    imagesPublished: o.localImagesFrom !== undefined ? 0 : urls.size,
    stale: stale.map((s) => s.id),
    shown: sections.length,
    keptPrevious,
    problems,
  };

  if (o.target.kind === 'none' && !o.forge) {
    problems.push({ severity: 'notice', message: `The report was not posted: ${o.target.reason}.` });
  } else if (o.dryRun) {
    problems.push({ severity: 'notice', message: 'Dry run: the report was not posted.' });
  } else if (forge) {
    const where = forge.where;
    const head = o.expectedHead && forge.currentHead ? await forge.currentHead() : undefined;
    if (head !== undefined && head !== o.expectedHead) {
      problems.push({
        severity: 'notice',
        title: 'Report not posted',
        message: `Pull request ${where} has moved on to ${head.slice(0, 7)}; this report is about ${o.expectedHead!.slice(0, 7)}, so its comment was left to the newer run.`,
      });
    } else {
      try {
        // A forge that uploads images as it posts gets them as the local body links them.
        const local = o.localImagesFrom !== undefined && !forge.publishImages ? images.map((i) => ({ path: i.path, name: urls.get(i.path)! })) : undefined;
        const { cml, ...posted } = await forge.upsertComment({
          id: o.id,
          body: comment.body,
          mode,
          hidePrevious,
          author,
          images: local,
          replaceCml: o.replaceCml,
        });
        delivery.posted = true;
        delivery.comment = posted;
        if (cml) problems.push(cmlNotice(cml, where));
      } catch (e) {
        if (!isNotPermitted(e)) throw e;
        problems.push({
          severity: 'warning',
          title: 'Report not posted',
          message: `The report could not be posted to ${where}: the token may not write (${messageOf(e)}). ${PERMISSION_FIX}`,
        });
      }
    }
  }

  // Past GitHub's 10 annotations per step the workflow commands are dropped silently: the check
  // run carries them all instead (when there is one), else the first 10 and a note.
  let onCheck: CheckAnnotation[] | undefined;
  const placed = annotations.filter((a) => a.file !== undefined && a.line !== undefined);
  const willCheck = o.checkRun !== undefined && forge?.createCheckRun !== undefined && !o.dryRun;
  if (placed.length > STEP_ANNOTATION_LIMIT && willCheck) {
    onCheck = placed.map((a) => ({ path: a.file!, line: a.line!, level: a.severity === 'error' ? 'failure' : a.severity, title: a.title, message: a.message }));
    problems.push(...annotations.filter((a) => !placed.includes(a)));
    problems.push({ severity: 'notice', message: `${placed.length} failing tests are annotated on the check run "${o.checkRun!.name}".` });
  } else {
    problems.push(...annotations.slice(0, STEP_ANNOTATION_LIMIT));
    if (annotations.length > STEP_ANNOTATION_LIMIT) {
      problems.push({
        severity: 'notice',
        message: `${annotations.length - STEP_ANNOTATION_LIMIT} more failing tests are listed in the report, not annotated: GitHub keeps 10 annotations per step (set check-run to annotate them all).`,
      });
    }
  }

  if (o.checkRun && willCheck) {
    // GitHub counts the check run's summary in bytes ("exceeds a maximum bytesize of 65535").
    const fitCheck = forge!.checkSummaryLimit ?? { limit: CHECK_SUMMARY_LIMIT, bytes: true };
    const check = fitReport(composed, { limit: fitCheck.limit, measure: fitCheck.bytes ? measureUtf8Bytes : undefined, fullReportUrl: o.runUrl });
    try {
      delivery.check = await forge!.createCheckRun!({
        name: o.checkRun.name,
        headSha: o.checkRun.headSha,
        status: composed.status,
        title: o.title,
        summary: check.body,
        detailsUrl: delivery.comment?.url ?? o.runUrl,
        annotations: onCheck,
      });
    } catch (e) {
      if (!isNotPermitted(e)) throw e;
      problems.push({
        severity: 'warning',
        title: 'Check run not created',
        message: `The check run "${o.checkRun.name}" could not be created (${messageOf(e)}). Give the job \`permissions: checks: write\`.`,
      });
    }
  }
  return delivery;
}
