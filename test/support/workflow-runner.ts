import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { falsy } from '@actions/expressions/result';
import { parse as parseYaml } from 'yaml';
import type { GitHubServer } from './github/server.js';
import type { Scope } from './github/state.js';
import { type Annotation, inputEnvName, parseCommands, parseFileCommands, ROOT } from './runner.js';
import { collect } from './spawned.js';

/**
 * Runs a workflow's jobs and their steps in order, the way the runner does, for tests: `${{ }}`
 * expressions are evaluated with GitHub's own expression library (@actions/expressions) over the
 * contexts the runner gives (github, inputs, secrets, env, steps, needs, job, runner, vars), with
 * the status functions; `if:` conditions get the runner's implicit `success() &&`; `run:` steps run
 * with bash as GitHub's `bash` shell does; file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
 * GITHUB_STEP_SUMMARY) pass between steps. mlci's actions run from their action.yml: INPUT_*
 * with the defaults filled in, `node <runs.main>` spawned in the workspace.
 *
 * Each job gets its own workspace and RUNNER_TEMP, as on a real runner, and a job token minted on
 * the loopback GitHub from the job's `permissions:` block (scopes it does not list are `none`;
 * on a fork's pull request every scope is read-only). Third-party actions have small stand-ins
 * doing what they do here: see THIRD_PARTY below. Anything else is refused, never skipped.
 */

export interface WorkflowRun {
  /** The workflow file, relative to the repository root (e.g. `.github/workflows/ml.yml`). */
  workflow: string;
  event: { name: string; payload: any };
  /** The repository's files, as a checkout of the commit under test lays them out (copied into each job that checks out). */
  repo: string;
  /**
   * A git repository standing for GitHub's copy (a bare one, say): with it, actions/checkout is a
   * real `git clone` of `sha` (tags too with `fetch-depth: 0`) and `origin` is this repository, so
   * what a step pushes lands here. Without it, the checkout is a copy of `repo`.
   */
  origin?: string;
  github: GitHubServer;
  repository?: string;
  sha?: string;
  ref?: string;
  inputs?: Record<string, string | boolean | number>;
  /**
   * Whether the workflow runs because a caller's job called it (its `workflow_call` inputs) or
   * because of the event itself (`workflow_dispatch` inputs). Default: called, when it can be.
   */
  trigger?: 'workflow_call' | 'event';
  secrets?: Record<string, string>;
  /** ACTIONS_* (results service, runtime token) and GITHUB_RUN_ID of this run. */
  env?: Record<string, string>;
  /** The token GitHub gives this event is read-only whatever the workflow asks (a fork's pull request). */
  readOnlyToken?: boolean;
  /** The repository `actions/checkout` of which means mlci itself (this checkout's actions and dist). */
  mlciRepository?: string;
  /** What `github.job_workflow_sha` is: the commit of the called workflow. */
  jobWorkflowSha?: string;
}

export interface StepResult {
  id?: string;
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
}

export interface JobResult {
  id: string;
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  steps: StepResult[];
  /** Every step summary, in order. */
  summary: string;
  runsOn?: unknown;
  environment?: string;
  token?: string;
  workspace?: string;
}

/** Runs every job of the workflow in `needs` order. */
export async function runWorkflow(run: WorkflowRun): Promise<Record<string, JobResult>> {
  const wf = await loadWorkflow(run.workflow);
  const done: Record<string, JobResult> = {};
  const pending = Object.keys(wf.jobs);
  while (pending.length) {
    const i = pending.findIndex((id) => needsOf(wf.jobs[id]).every((n) => n in done));
    if (i < 0) throw new Error(`${run.workflow}: jobs ${pending.join(', ')} wait on each other`);
    const [id] = pending.splice(i, 1);
    done[id] = await runJob(run, id, done);
  }
  return done;
}

const needsOf = (job: any): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

async function loadWorkflow(file: string): Promise<any> {
  return parseYaml(await readFile(isAbsolute(file) ? file : join(ROOT, file), 'utf8'));
}

/** The inputs context: the caller's values over the workflow's declared defaults, typed as declared. */
function workflowInputs(wf: any, event: string, trigger: WorkflowRun['trigger'], given: Record<string, unknown> = {}): Record<string, unknown> {
  const called = trigger === 'workflow_call' || (trigger === undefined && wf.on?.workflow_call !== undefined);
  const declared = (called ? wf.on?.workflow_call?.inputs : event === 'workflow_dispatch' ? wf.on?.workflow_dispatch?.inputs : {}) ?? {};
  for (const key of Object.keys(given)) if (!(key in declared)) throw new Error(`the workflow has no input "${key}"`);
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries<any>(declared)) {
    if (spec?.required && !(key in given)) throw new Error(`the workflow needs input "${key}" (${event})`);
    const value = key in given ? given[key] : spec?.default;
    out[key] = spec?.type === 'boolean' ? value === true || value === 'true' : spec?.type === 'number' ? Number(value ?? 0) : String(value ?? '');
  }
  return out;
}

type Status = { failed: boolean };

/** Evaluates one expression (the text between `${{` and `}}`). */
function evaluate(text: string, ctx: Record<string, unknown>, status: Status): unknown {
  const statusFns: Record<string, () => boolean> = {
    success: () => !status.failed,
    failure: () => status.failed,
    always: () => true,
    cancelled: () => false,
  };
  const infos = Object.keys(statusFns).map((name) => ({ name, minArgs: 0, maxArgs: 0 }));
  const lexed = new Lexer(text).lex();
  const expr = new Parser(lexed.tokens, Object.keys(ctx), infos).parse();
  const fns = new Map<string, FunctionDefinition>(
    Object.entries(statusFns).map(([name, fn]) => [name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(fn()) }]),
  );
  const context = JSON.parse(JSON.stringify(ctx), data.reviver) as data.Dictionary;
  const result = new Evaluator(expr, context, fns).evaluate();
  return JSON.parse(JSON.stringify(result, data.replacer) ?? 'null');
}

const asString = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A value as the runner reads it: one whole `${{ }}` keeps its type; text around expressions makes a string. */
export function interpolate(value: unknown, ctx: Record<string, unknown>, status: Status = { failed: false }): unknown {
  if (typeof value !== 'string' || !value.includes('${{')) return value;
  const whole = /^\s*\$\{\{(.*?)\}\}\s*$/s.exec(value);
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1], ctx, status);
  return value.replace(/\$\{\{(.*?)\}\}/gs, (_, e) => asString(evaluate(e, ctx, status)));
}

/** An `if:`: without a status function the runner adds `success() &&`. */
export function condition(text: unknown, ctx: Record<string, unknown>, status: Status): boolean {
  if (text === undefined) return !status.failed;
  if (typeof text === 'boolean') return text && !status.failed;
  let expr = String(text).trim();
  const wrapped = /^\$\{\{(.*)\}\}$/s.exec(expr);
  if (wrapped) expr = wrapped[1];
  if (!/\b(success|failure|always|cancelled)\s*\(/.test(expr)) expr = `success() && (${expr})`;
  const v = evaluate(expr, ctx, status);
  return !falsy(JSON.parse(JSON.stringify(v ?? null), data.reviver));
}

const SCOPES: Scope[] = ['contents', 'issues', 'pull-requests', 'checks', 'actions'];

/** Runs one job: its `if:`, its steps, its outputs. `done` holds the jobs it needs. */
export async function runJob(run: WorkflowRun, jobId: string, done: Record<string, JobResult> = {}): Promise<JobResult> {
  const wf = await loadWorkflow(run.workflow);
  const job = wf.jobs?.[jobId];
  if (!job) throw new Error(`${run.workflow} has no job ${jobId}`);
  if (job.uses) throw new Error(`${run.workflow} job ${jobId} calls a workflow: run that workflow's jobs with its inputs`);
  const repository = run.repository ?? 'octo/ml';
  const payload = run.event.payload ?? {};
  const ref = run.ref ?? (payload.pull_request ? `refs/pull/${payload.pull_request.number}/merge` : 'refs/heads/main');
  const runId = run.env?.GITHUB_RUN_ID ?? '4242';
  const token = `ghs_${jobId}_${randomUUID().replace(/-/g, '')}`;
  const granted: Record<string, string> = job.permissions ?? wf.permissions ?? {};
  const permissions = Object.fromEntries(SCOPES.map((s) => [s, (granted[s] as 'read' | 'write' | undefined) ?? 'none']));
  run.github.addToken(token, { login: 'github-actions[bot]', type: 'Bot', installation: true, write: !run.readOnlyToken, permissions });

  const needs = Object.fromEntries(needsOf(job).map((n) => [n, { result: done[n]?.result ?? 'skipped', outputs: done[n]?.outputs ?? {} }]));
  const workspace = await mkdtemp(join(tmpdir(), `mlci-wf-${jobId}-`));
  const runnerTemp = await mkdtemp(join(tmpdir(), 'mlci-runner-'));
  const github = {
    event_name: run.event.name,
    event: payload,
    repository,
    repository_owner: repository.split('/')[0],
    sha: run.sha ?? 'f'.repeat(40),
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    head_ref: payload.pull_request?.head?.ref ?? '',
    base_ref: payload.pull_request?.base?.ref ?? '',
    run_id: runId,
    run_number: '7',
    run_attempt: '1',
    actor: 'octocat',
    workflow: wf.name ?? run.workflow,
    job: jobId,
    job_workflow_sha: run.jobWorkflowSha ?? '',
    server_url: 'https://github.com',
    api_url: run.github.url,
    graphql_url: run.github.graphqlUrl,
    workspace,
    token,
  };
  const inputs = workflowInputs(wf, run.event.name, run.trigger, run.inputs);
  const secrets = { GITHUB_TOKEN: token, ...(run.secrets ?? {}) };
  const runner = { os: 'Linux', arch: 'X64', temp: runnerTemp, tool_cache: join(runnerTemp, 'tool-cache') };
  const status: Status = { failed: false };
  const base = { github, inputs, secrets, needs, vars: {}, runner, matrix: {}, strategy: {} };
  const result: JobResult = { id: jobId, result: 'skipped', outputs: {}, steps: [], summary: '', token, workspace };

  const jobStatus: Status = { failed: Object.values(needs).some((n) => n.result !== 'success') };
  if (!condition(job.if, base, jobStatus)) return result;
  result.runsOn = interpolate(job['runs-on'], base);
  const environment = interpolate(typeof job.environment === 'object' ? job.environment?.name : job.environment, base);
  result.environment = environment === undefined ? undefined : asString(environment);

  const eventFile = join(runnerTemp, 'event.json');
  await writeFile(eventFile, JSON.stringify(payload));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries<any>({ ...(wf.env ?? {}), ...(job.env ?? {}) })) env[k] = asString(interpolate(v, { ...base, env }));
  const paths: string[] = [];
  const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const workingDirectory = asString(interpolate(job.defaults?.run?.['working-directory'] ?? '', base));

  for (const [i, step] of (job.steps ?? []).entries()) {
    const ctx = { ...base, env: { ...env }, steps, job: { status: status.failed ? 'failure' : 'success' } };
    const name = step.name ?? step.uses ?? `Run ${String(step.run).split('\n')[0]}`;
    const record: StepResult = { id: step.id, name, outcome: 'skipped', outputs: {}, stdout: '', stderr: '', annotations: [] };
    result.steps.push(record);
    if (condition(step.if, ctx, status)) {
      const stepEnv: Record<string, string> = { ...env };
      for (const [k, v] of Object.entries<any>(step.env ?? {})) stepEnv[k] = asString(interpolate(v, { ...ctx, env: stepEnv }, status));
      const files = await fileCommands(runnerTemp);
      const processEnv: Record<string, string> = {
        PATH: [...paths, process.env.PATH ?? ''].join(':'),
        HOME: process.env.HOME ?? '/root',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: 'X64',
        RUNNER_TEMP: runnerTemp,
        RUNNER_TOOL_CACHE: runner.tool_cache,
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: repository,
        GITHUB_REPOSITORY_OWNER: github.repository_owner,
        GITHUB_EVENT_NAME: run.event.name,
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_SHA: github.sha,
        GITHUB_REF: ref,
        GITHUB_REF_NAME: github.ref_name,
        GITHUB_HEAD_REF: github.head_ref,
        GITHUB_BASE_REF: github.base_ref,
        GITHUB_RUN_ID: runId,
        GITHUB_RUN_NUMBER: github.run_number,
        GITHUB_RUN_ATTEMPT: github.run_attempt,
        GITHUB_JOB: jobId,
        GITHUB_ACTOR: github.actor,
        GITHUB_WORKFLOW: github.workflow,
        GITHUB_SERVER_URL: github.server_url,
        GITHUB_API_URL: github.api_url,
        GITHUB_GRAPHQL_URL: github.graphql_url,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_ENV: files.env,
        GITHUB_STATE: files.state,
        GITHUB_PATH: files.path,
        ...(run.env ?? {}),
        ...stepEnv,
      };
      const dir = resolve(workspace, asString(interpolate(step['working-directory'] ?? '', ctx, status)) || workingDirectory || '.');
      let code: number | null;
      if (step.run !== undefined) {
        const script = join(runnerTemp, `step-${i}.sh`);
        await writeFile(script, asString(interpolate(step.run, ctx, status)));
        const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: dir, env: processEnv, stdio: ['ignore', 'pipe', 'pipe'] });
        ({ code, stdout: record.stdout, stderr: record.stderr } = await collect(child));
      } else {
        const withValues: Record<string, string> = {};
        for (const [k, v] of Object.entries<any>(step.with ?? {})) withValues[k] = asString(interpolate(v, ctx, status));
        ({
          code,
          stdout: record.stdout,
          stderr: record.stderr,
        } = await useAction(String(step.uses), withValues, {
          ctx,
          env: processEnv,
          workspace,
          repo: run.repo,
          origin: run.origin,
          sha: github.sha,
          repository,
          mlciRepository: run.mlciRepository ?? 'OWNER/mlci',
          paths,
        }));
      }
      record.outcome = code === 0 ? 'success' : 'failure';
      record.outputs = parseFileCommands(await readFile(files.output, 'utf8'));
      record.annotations = parseCommands(record.stdout)
        .filter((c) => c.command === 'error' || c.command === 'warning' || c.command === 'notice')
        .map((c) => ({ level: c.command as Annotation['level'], message: c.message, file: c.props.file, title: c.props.title }));
      result.summary += await readFile(files.summary, 'utf8');
      Object.assign(env, parseFileCommands(await readFile(files.env, 'utf8')));
      paths.unshift(...(await readFile(files.path, 'utf8')).split('\n').filter(Boolean).reverse());
      const continueOnError = interpolate(step['continue-on-error'] ?? false, ctx, status);
      if (record.outcome === 'failure' && !(continueOnError === true || continueOnError === 'true')) status.failed = true;
    }
    if (step.id) {
      const conclusion = record.outcome === 'failure' && step['continue-on-error'] ? 'success' : record.outcome;
      steps[step.id] = { outputs: record.outputs, outcome: record.outcome, conclusion };
    }
  }
  result.result = status.failed ? 'failure' : 'success';
  const outCtx = { ...base, env, steps, job: { status: result.result } };
  for (const [k, v] of Object.entries<any>(job.outputs ?? {})) result.outputs[k] = asString(interpolate(v, outCtx));
  return result;
}

async function fileCommands(runnerTemp: string) {
  const dir = join(runnerTemp, '_runner_file_commands');
  await mkdir(dir, { recursive: true });
  const make = async (name: string) => {
    const f = join(dir, `${name}_${randomUUID()}`);
    await writeFile(f, '');
    return f;
  };
  return {
    output: await make('set_output'),
    summary: await make('step_summary'),
    env: await make('set_env'),
    state: await make('save_state'),
    path: await make('add_path'),
  };
}

interface UseContext {
  ctx: Record<string, any>;
  env: Record<string, string>;
  workspace: string;
  repo: string;
  origin?: string;
  sha: string;
  repository: string;
  mlciRepository: string;
  paths: string[];
}

type Ran = { code: number | null; stdout: string; stderr: string };

/** A `uses:` step: one of mlci's actions from its action.yml, or a third-party action's stand-in. */
async function useAction(uses: string, withValues: Record<string, string>, u: UseContext): Promise<Ran> {
  const local = /^\.\/(.+)$/.exec(uses)?.[1];
  const published = /^OWNER\/mlci\/(actions\/[^@]+)@.+$/.exec(uses)?.[1];
  if (local || published) {
    const dir = local ? join(u.workspace, local) : join(ROOT, published!);
    if (!existsSync(join(dir, 'action.yml'))) throw new Error(`${uses}: no action.yml at ${dir} (was it checked out?)`);
    return nodeAction(dir, withValues, u);
  }
  const base = uses.split('@')[0];
  const standIn = THIRD_PARTY[base];
  if (!standIn) throw new Error(`${uses}: no stand-in for this action in the test runner`);
  return standIn(withValues, u);
}

async function nodeAction(dir: string, withValues: Record<string, string>, u: UseContext): Promise<Ran> {
  const yml = parseYaml(await readFile(join(dir, 'action.yml'), 'utf8'));
  if (yml.runs?.using !== 'node24') throw new Error(`${dir}: runs.using ${yml.runs?.using}, the test runner runs node24 actions`);
  const env = { ...u.env };
  for (const [name, spec] of Object.entries<any>(yml.inputs ?? {})) {
    const value = name in withValues ? withValues[name] : spec?.default !== undefined ? asString(interpolate(String(spec.default), u.ctx)) : '';
    env[inputEnvName(name)] = value;
  }
  for (const name of Object.keys(withValues)) if (!(name in (yml.inputs ?? {}))) throw new Error(`${dir}: no input "${name}"`);
  const child = spawn(process.execPath, [resolve(dir, yml.runs.main)], { cwd: u.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child);
}

const ok = (stdout = ''): Ran => ({ code: 0, stdout, stderr: '' });

/**
 * What each third-party action does in the test bed:
 * - actions/checkout: the repository under test copied into the job's workspace (each job starts
 *   from an empty one); mlci's own repository is this checkout's actions/ and dist/, at `path`.
 * - actions/setup-python: Debian's /usr/bin/python3 as `python` on PATH (the tests need no other).
 * - actions/upload-artifact, download-artifact: the unmodified @actions/artifact client against
 *   the loopback results service, as the real actions use it.
 */
const THIRD_PARTY: Record<string, (w: Record<string, string>, u: UseContext) => Promise<Ran>> = {
  'actions/checkout': async (w, u) => {
    const repository = w.repository || u.repository;
    const into = resolve(u.workspace, w.path || '.');
    if (relative(u.workspace, into).startsWith('..')) throw new Error(`checkout: path ${w.path} leaves the workspace`);
    if (repository === u.mlciRepository && repository !== u.repository) {
      await mkdir(into, { recursive: true });
      for (const part of ['actions', 'dist']) await symlink(join(ROOT, part), join(into, part));
      return ok(`mlci at ${w.ref || 'its default branch'}\n`);
    }
    if (repository !== u.repository) throw new Error(`checkout of ${repository}: the test bed has only ${u.repository} and mlci`);
    if (!u.origin) {
      await cp(u.repo, into, { recursive: true });
      return ok();
    }
    // As actions/checkout does: the commit alone by default, the whole history and tags with fetch-depth 0.
    const depth = w['fetch-depth'] === '0' ? [] : ['--depth', w['fetch-depth'] || '1'];
    const git = (args: string[], cwd = into) =>
      collect(spawn('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] }));
    await mkdir(into, { recursive: true });
    for (const args of [
      ['init', '-q'],
      ['remote', 'add', 'origin', u.origin],
      ['fetch', '-q', ...depth, ...(w['fetch-depth'] === '0' ? ['--tags'] : ['--no-tags']), 'origin', u.sha],
      ['checkout', '-q', '--detach', u.sha],
    ]) {
      const r = await git(args);
      if (r.code !== 0) return { code: 1, stdout: `::error::checkout: git ${args.join(' ')}: ${r.stderr}\n`, stderr: r.stderr };
    }
    return ok();
  },
  'actions/setup-python': async (_w, u) => {
    if (!existsSync('/usr/bin/python3')) return { code: 1, stdout: '::error::setup-python stand-in: no /usr/bin/python3\n', stderr: '' };
    const bin = join(u.env.RUNNER_TOOL_CACHE, 'python', 'bin');
    await mkdir(bin, { recursive: true });
    if (!existsSync(join(bin, 'python'))) await symlink('/usr/bin/python3', join(bin, 'python'));
    u.paths.unshift(bin);
    return ok();
  },
  'actions/upload-artifact': async (w, u) => {
    const files: string[] = [];
    let root = u.workspace;
    for (const p of w.path
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const abs = resolve(u.workspace, p);
      if ((await stat(abs)).isDirectory()) {
        root = abs;
        for (const e of await readdir(abs, { recursive: true, withFileTypes: true })) if (e.isFile()) files.push(join(e.parentPath, e.name));
      } else files.push(abs);
    }
    const [r] = await toolkit([{ op: 'upload', name: w.name || 'artifact', files, root }], u);
    return r.ok ? ok() : { code: 1, stdout: `::error::${r.error}\n`, stderr: '' };
  },
  'actions/download-artifact': async (w, u) => {
    if (w['run-id']) throw new Error('download-artifact stand-in: only artifacts of this run');
    const [got] = await toolkit([{ op: 'get', name: w.name }], u);
    if (!got.ok) return { code: 1, stdout: `::error::Unable to download artifact(s): ${got.error}\n`, stderr: '' };
    const [r] = await toolkit([{ op: 'download', id: got.value.artifact.id, options: { path: resolve(u.workspace, w.path || '.') } }], u);
    return r.ok ? ok() : { code: 1, stdout: `::error::${r.error}\n`, stderr: '' };
  },
};

async function toolkit(steps: object[], u: UseContext): Promise<any[]> {
  const out = join(u.env.RUNNER_TEMP, `toolkit-${randomUUID()}.json`);
  const child = spawn(process.execPath, [join(ROOT, 'test/support/results/toolkit-client.mjs'), JSON.stringify(steps), out], {
    cwd: u.workspace,
    env: u.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { code, stderr } = await collect(child);
  if (code !== 0) throw new Error(`artifact client: ${stderr}`);
  const results = JSON.parse(await readFile(out, 'utf8'));
  await rm(out, { force: true });
  return results;
}

/** The step of a job result by id or name, for assertions. */
export function step(job: JobResult, idOrName: string): StepResult {
  const s = job.steps.find((x) => x.id === idOrName || x.name === idOrName);
  if (!s) throw new Error(`job ${job.id} has no step ${idOrName} (steps: ${job.steps.map((x) => x.id ?? x.name).join(', ')})`);
  return s;
}
