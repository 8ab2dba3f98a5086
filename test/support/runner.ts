import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { runnerEnvironment } from './runner-env.mjs';
import { collect } from './spawned.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunOptions {
  /** The action folder under actions/, e.g. `comment-report`. */
  action: string;
  inputs?: Record<string, string>;
  /** Extra environment, e.g. a results service's ACTIONS_* variables. */
  env?: Record<string, string>;
  event?: { name: string; payload: object };
  /** Files to write into the workspace before the run. */
  files?: Record<string, string | Buffer>;
  workspace?: string;
  /** The loopback GitHub: its URLs become GITHUB_API_URL / GITHUB_GRAPHQL_URL. */
  github?: { url: string; graphqlUrl: string };
  token?: string;
  repository?: string;
  sha?: string;
  serverUrl?: string;
  /** What `${{ job.status }}` evaluates to for this step: the job's outcome so far. */
  jobStatus?: 'success' | 'failure' | 'cancelled';
  /** Each piece of stdout as the action writes it (to watch a log stream while the step runs). */
  onStdout?: (chunk: string) => void;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Every `::command ...::` line, e.g. add-mask. */
  commands: Array<{ command: string; props: Record<string, string>; message: string }>;
  workspace: string;
  runnerTemp: string;
}

/** Inputs as the runner passes them: INPUT_ + the name upper-cased, spaces to `_`, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * The runner fills every input the workflow did not set with its action.yml default, evaluating
 * expressions; `${{ github.token }}` and `${{ job.status }}` are the ones our actions use. Any
 * other expression is refused, so a new one cannot silently reach an action unevaluated.
 */
async function actionDefaults(action: string, token: string, jobStatus: string): Promise<Record<string, string>> {
  const yml = parseYaml(await readFile(join(ROOT, 'actions', action, 'action.yml'), 'utf8'));
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries<any>(yml.inputs ?? {})) {
    if (spec?.default === undefined) continue;
    const value = String(spec.default)
      .replace(/\$\{\{\s*github\.token\s*\}\}/g, token)
      .replace(/\$\{\{\s*job\.status\s*\}\}/g, jobStatus);
    if (value.includes('${{')) throw new Error(`${action}: the test runner cannot evaluate the default of input "${name}": ${spec.default}`);
    out[name] = value;
  }
  return out;
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE files: `name<<DELIM` heredocs and `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseCommands(stdout: string): RunResult['commands'] {
  const out: RunResult['commands'] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const at = kv.indexOf('=');
      props[kv.slice(0, at)] = unescapeProp(kv.slice(at + 1));
    }
    out.push({ command: m[1], props, message: unescapeData(m[3]) });
  }
  return out;
}

/** A step laid out as the runner lays it out: workspace, RUNNER_TEMP, file commands, event, environment. */
export interface PreparedStep {
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  outputFile: string;
  summaryFile: string;
}

export async function prepareStep(o: RunOptions): Promise<PreparedStep> {
  const workspace = o.workspace ?? (await mkdtemp(join(tmpdir(), 'mlci-ws-')));
  const runnerTemp = await mkdtemp(join(tmpdir(), 'mlci-runner-'));
  for (const [rel, content] of Object.entries(o.files ?? {})) {
    const file = join(workspace, rel);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  const fileCmd = async (name: string) => {
    const f = join(runnerTemp, `_runner_file_commands`, `${name}_${randomUUID()}`);
    await mkdir(dirname(f), { recursive: true });
    await writeFile(f, '');
    return f;
  };
  const outputFile = await fileCmd('set_output');
  const summaryFile = await fileCmd('step_summary');
  const envFile = await fileCmd('set_env');
  const stateFile = await fileCmd('save_state');
  const pathFile = await fileCmd('add_path');
  const eventFile = join(runnerTemp, 'event.json');
  await writeFile(eventFile, JSON.stringify(o.event?.payload ?? {}));

  const token = o.token ?? '';
  const inputs = { ...(await actionDefaults(o.action, token, o.jobStatus ?? 'success')), ...(o.inputs ?? {}) };
  const env: Record<string, string> = {
    ...runnerEnvironment({
      workspace,
      runnerTemp,
      eventPath: eventFile,
      commands: { output: outputFile, summary: summaryFile, env: envFile, state: stateFile, path: pathFile },
      repository: o.repository,
      eventName: o.event?.name,
      sha: o.sha,
      serverUrl: o.serverUrl,
      apiUrl: o.github?.url,
      graphqlUrl: o.github?.graphqlUrl,
    }),
    ...o.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;
  return { env, workspace, runnerTemp, outputFile, summaryFile };
}

/** What the step left: its exit code, log, outputs, summary and annotations. */
export async function stepResult(step: PreparedStep, code: number | null, stdout: string, stderr: string): Promise<RunResult> {
  const commands = parseCommands(stdout);
  const annotations: Annotation[] = commands
    .filter((c) => c.command === 'error' || c.command === 'warning' || c.command === 'notice')
    .map((c) => ({
      level: c.command as Annotation['level'],
      message: c.message,
      file: c.props.file,
      line: c.props.line ? Number(c.props.line) : undefined,
      col: c.props.col ? Number(c.props.col) : undefined,
      title: c.props.title,
    }));
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(step.outputFile, 'utf8')),
    summary: await readFile(step.summaryFile, 'utf8'),
    annotations,
    commands,
    workspace: step.workspace,
    runnerTemp: step.runnerTemp,
  };
}

/** Runs `node dist/<action>/index.js` the way the runner does, asynchronously. */
export async function runAction(o: RunOptions): Promise<RunResult> {
  const step = await prepareStep(o);
  const child = spawn(process.execPath, [join(ROOT, 'dist', o.action, 'index.js')], {
    cwd: step.workspace,
    env: step.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onStdout = o.onStdout;
  if (onStdout) child.stdout.setEncoding('utf8').on('data', (d: string) => onStdout(d));
  const { code, stdout, stderr } = await collect(child);
  return stepResult(step, code, stdout, stderr);
}
