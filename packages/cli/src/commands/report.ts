import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '@mlci/core/errors';
import { parseBaselineSpec } from '@mlci/core/baseline';
import { parseBoolean, splitLists } from '@mlci/core/files';
import { defaultReportDir, describeRun, markRunReported } from '@mlci/core/section';
import { renderHtml } from '@mlci/core/report';
import type { Api, CommentMode, ReportForge } from '@mlci/core/forge';
import { runCommentReport, type CommentReportOptions } from '@mlci/core/comment-report';
import type { TestsFailOn } from '@mlci/core/test-results';
import type { Values } from '../command.js';
import { printProblem, type Out } from '../out.js';
import type { PostFlags } from '../post/github-post.js';

export interface ReportArgs {
  reportDir?: string;
  markdown: string[];
  /** Test result files or globs: a Tests section. */
  tests?: string[];
  testsFailOn?: TestsFailOn;
  /** The base run's result files (`git:<ref>`, `file:<path>`, `none`), as the action's `tests-baseline`. */
  testsBaseline?: string;
  title: string;
  id: string;
  out: string;
  /** Post the report as comment-report does; undefined: a local report only. */
  post?: PostFlags & {
    mode: CommentMode;
    hidePrevious: boolean;
    replaceCml?: boolean;
    checkRun?: string;
    imagesBranch: string;
    dryRun: boolean;
    jobStatus?: string;
  };
}

/**
 * `mlci report`: the comment-report action's report, built on a laptop or any CI. It shows this
 * run's sections only (see run-identity.ts for what a run is) and names the ones it left out. On
 * a laptop, reporting ends the run: the next section written starts a new one. With `--post` the
 * same body becomes the sticky comment, through the core's comment-report use case.
 */
export async function report(a: ReportArgs, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const cwd = process.cwd();
  const info = (line: string) => out.stderr(`mlci report: ${line}\n`);
  // Where to post is settled (and checked with GitHub) before anything is written or posted.
  const posting = a.post && !a.post.dryRun ? await preparePost(a.post, env, info) : undefined;
  // CML's GitLab notes carry the same watermark, but whose they are (a bot or a person) is not checked there yet.
  if (posting?.kind === 'gitlab' && a.post?.replaceCml)
    throw new UserError('--replace-cml works on GitHub only: on GitLab the report is posted as its own note (leave --replace-cml out)', {
      input: 'replace-cml',
    });

  const reportDir = resolve(cwd, a.reportDir ?? defaultReportDir(env));
  const dir = resolve(cwd, a.out);
  const common = {
    workspace: cwd,
    reportDir,
    markdown: a.markdown,
    tests: a.tests,
    testsFailOn: a.testsFailOn,
    testsBaseline: a.testsBaseline,
    id: a.id,
    title: a.title,
    env,
    jobStatus: a.post?.jobStatus,
  };
  // The local body is what the forge gets: fitted to its limit (GitLab's is not GitHub's).
  const d = await runCommentReport({ ...common, localImagesFrom: dir, commentLimit: posting?.kind === 'gitlab' ? posting.forge.commentLimit : undefined });
  d.problems.filter((p) => p.severity !== 'notice').forEach((p) => printProblem(p, out));
  for (const id of d.stale) {
    const s = d.sections.find((l) => l.section.id === id)!.section;
    info(`left out ${id}: written by ${s.run ? describeRun(s.run) : 'another run'} at ${s.created}, not by this ${describeRun(d.currentRun!)}`);
  }

  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'report.md'), d.body);
  await writeFile(join(dir, 'report.html'), await renderHtml(d.body, { title: a.title, baseDir: dir }));
  const left = d.stale.length > 0 ? ` (${d.stale.length} from an earlier run left out)` : '';
  out.stdout(
    `mlci report: ${d.shown} section(s)${left}, status ${d.status}${d.truncated ? `, cut to fit ${posting?.kind === 'gitlab' ? posting.forge.commentLimit.forge : 'GitHub'} limits` : ''}\n` +
      `  ${join(a.out, 'report.md')}\n  ${join(a.out, 'report.html')}\n`,
  );
  if (a.post?.dryRun) info('dry run: nothing posted');

  if (posting) {
    const p = a.post!;
    // The same use case for either forge; the CLI only chose which one.
    const posted = await runCommentReport({
      ...common,
      ...(posting.kind === 'gitlab' ? gitLabDelivery(posting, dir) : gitHubDelivery(posting, p, info)),
      mode: p.mode,
      hidePrevious: p.hidePrevious,
      replaceCml: p.replaceCml,
      dryRun: false,
    });
    posted.problems.filter((x) => x.severity !== 'notice' || x.title).forEach((x) => printProblem(x, out));
    if (posted.comment) out.stdout(`mlci report: ${posted.comment.created === false ? 'updated' : 'posted'} ${posted.comment.url}\n`);
    if (posted.check) out.stdout(`mlci report: check run ${posted.check.url}\n`);
    if (!posted.posted) throw new UserError('--post: the report was not posted (see above)', { input: 'post' });
  }
  await markRunReported(reportDir, env);
  return 0;
}

type Posting = { kind: 'gitlab'; forge: ReportForge; token: string } | { kind: 'github'; api: Api; where: import('../post/github-post.js').GitHubPost };

/** GitLab: the merge request's note; its images are linked as report.md links them, and uploaded as it is posted. */
function gitLabDelivery(posting: Extract<Posting, { kind: 'gitlab' }>, dir: string): Partial<CommentReportOptions> {
  return { forge: posting.forge, localImagesFrom: dir, secrets: [posting.token] };
}

/** GitHub: the action's own use case, with the event the CI's variables stand for: an explicit target. */
function gitHubDelivery(
  posting: Extract<Posting, { kind: 'github' }>,
  p: NonNullable<ReportArgs['post']>,
  info: (line: string) => void,
): Partial<CommentReportOptions> {
  const { api, where } = posting;
  const t = where.target;
  if (p.checkRun && !where.sha) info('--check-run needs the commit: give --sha (no check run made)');
  return {
    api,
    event: { eventName: 'mlci', payload: {}, sha: where.sha ?? (t.kind === 'commit' ? t.sha : ''), repo: where.repo, serverUrl: where.serverUrl },
    target: t.kind === 'commit' ? `commit/${t.sha}` : `${t.isPull ? 'pr' : 'issue'}/${t.number}`,
    checkRun: p.checkRun && where.sha ? p.checkRun : '',
    imagesBranch: p.imagesBranch,
    secrets: [where.token],
  };
}

async function preparePost(flags: PostFlags, env: NodeJS.ProcessEnv, info: (line: string) => void): Promise<Posting> {
  const gitlab = await import('../post/gitlab-post.js');
  if (gitlab.isGitLabPost(env) && !flags.repo) return { kind: 'gitlab', ...(await gitlab.gitLabForge(env, info)) };
  const [{ detectCi }, github, { createCliApi }] = await Promise.all([import('../post/ci-env.js'), import('../post/github-post.js'), import('../octokit.js')]);
  const token = await github.readToken(flags.tokenFile, env);
  const detected = detectCi(env);
  info(
    detected.ci === 'none'
      ? 'no CI detected: --repo, --pr and --sha say where to post'
      : `detected ${detected.ci}: repo ${detected.repo ?? '?'}, pull request ${detected.pr ? `#${detected.pr}` : 'none'}, commit ${detected.sha?.slice(0, 12) ?? '?'} (from ${detected.from.join(', ')})`,
  );
  const where = github.githubPost(flags, detected, env, token);
  const t = where.target;
  info(`posting to ${where.repo.owner}/${where.repo.repo} ${t.kind === 'issue' ? `#${t.number}` : `commit ${t.sha.slice(0, 7)}`} through ${where.apiUrl}`);
  const api = await createCliApi(token, where.apiUrl, env, info);
  const { pullHead } = await github.checkPostTarget(api, where);
  if (pullHead && where.sha && pullHead !== where.sha)
    info(`the pull request's head is ${pullHead.slice(0, 12)}, not ${where.sha.slice(0, 12)}: the check run goes on its head`);
  return { kind: 'github', api, where: { ...where, sha: pullHead ?? where.sha } };
}

/** The Actions cache and artifacts exist only in GitHub Actions: a base run's results come from git or a folder. */
function testsBaseline(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const spec = parseBaselineSpec(v, 'tests-baseline');
  if (spec.kind === 'cache' || spec.kind === 'artifact' || spec.kind === 'auto') {
    throw new UserError(`--tests-baseline ${v}: use git:<ref>, file:<path> or none (the Actions cache and artifacts exist only in GitHub Actions)`, {
      input: 'tests-baseline',
    });
  }
  return v;
}

function testsFailOn(v: string | undefined): TestsFailOn | undefined {
  if (v === undefined) return undefined;
  if (v !== 'failure' && v !== 'never') throw new UserError(`--tests-fail-on must be failure or never, not "${v}"`, { input: 'tests-fail-on' });
  return v;
}

export function run(v: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const s = (k: string) => v[k] as string | undefined;
  const bool = (k: string, d: boolean) => parseBoolean(s(k) ?? '', `--${k}`, k) ?? d;
  const mode = s('mode') ?? 'upsert';
  if (!['upsert', 'recreate', 'create'].includes(mode)) throw new UserError(`--mode must be upsert, recreate or create, not "${mode}"`, { input: 'mode' });
  const onlyWithPost = [
    'token-file',
    'repo',
    'pr',
    'sha',
    'api-url',
    'target',
    'mode',
    'hide-previous',
    'replace-cml',
    'check-run',
    'images-branch',
    'dry-run',
  ].filter((k) => v[k] !== undefined);
  if (!v.post && onlyWithPost.length > 0) throw new UserError(`--${onlyWithPost[0]} means something only with --post`, { input: onlyWithPost[0] });
  return report(
    {
      reportDir: s('report-dir'),
      markdown: splitLists(v.markdown as string[] | undefined),
      tests: splitLists(v.tests as string[] | undefined),
      testsFailOn: testsFailOn(s('tests-fail-on')),
      testsBaseline: testsBaseline(s('tests-baseline')),
      title: s('title') ?? 'mlci report',
      id: s('id') ?? 'mlci',
      out: s('out') ?? 'mlci-report',
      post: v.post
        ? {
            tokenFile: s('token-file'),
            repo: s('repo'),
            pr: s('pr'),
            sha: s('sha'),
            apiUrl: s('api-url'),
            target: s('target') ?? 'auto',
            mode: mode as CommentMode,
            hidePrevious: bool('hide-previous', false),
            replaceCml: bool('replace-cml', false),
            checkRun: s('check-run') || undefined,
            imagesBranch: s('images-branch') || 'mlci-assets',
            dryRun: bool('dry-run', false),
            jobStatus: s('job-status'),
          }
        : undefined,
    },
    env,
    out,
  );
}
