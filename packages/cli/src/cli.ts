import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandBody, CommandSpec, Values } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { Out } from './out.js';

// Only the table of commands is imported up front: help, `--version` and `<command> --help` answer
// from it alone, and a command's module (with the core it calls) loads when that command runs.

function usage(): string {
  return (
    'mlci — CI/CD steps for machine-learning repositories, outside GitHub Actions too\n\nUsage:\n' +
    COMMANDS.map((c) => commandHelp(c).replace(/^(?=.)/gm, '  ')).join('\n') +
    '\n  mlci help [COMMAND] | mlci COMMAND --help | mlci --version\n\n' +
    'Exit codes: 0 done, 1 a check failed, 2 bad usage or input.\n'
  );
}

/** A command's usage lines and every flag with what it does and what it is when not given. */
export function commandHelp(c: CommandSpec): string {
  const flags = Object.entries(c.options).map(([name, f]) => [
    `--${name}${f.arg ? ` ${f.arg}` : ''}${f.multiple ? '...' : ''}`,
    `${f.help} (default: ${f.default})`,
  ]);
  const width = Math.max(...flags.map(([l]) => l.length));
  return `mlci ${c.usage}\n${flags.map(([l, r]) => `      ${l.padEnd(width)}  ${r}\n`).join('')}`;
}

/** The name the user most likely meant, when one is close enough to say so. */
export function closest(word: string, names: string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = editDistance(word, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance: a dozen lines, not worth a dependency. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The CLI package's version; package.json sits one folder above both src/ and lib/. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, out: Out = defaultOut): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const about = name === 'help' && rest[0] !== undefined ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === 'help' && rest[0] !== undefined && !about) return unknownCommand(rest[0], out);
    out.stdout(about ? `Usage: ${commandHelp(about)}` : usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    out.stdout(`mlci ${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return unknownCommand(name, out);
  let values: Values;
  try {
    // The parser gets the flags without their help text and defaults: an absent flag stays absent.
    const options = Object.fromEntries(
      Object.entries(command.options).map(([k, { type, multiple, short }]) => [k, { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) }]),
    );
    // `help` is not one of the command's flags (a flag value may still be the text "--help").
    const parsed = parseArgs({ args: rest, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
    if (parsed.help) {
      out.stdout(`Usage: ${commandHelp(command)}`);
      return 0;
    }
    delete parsed.help;
    values = parsed;
  } catch (e) {
    if (!(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    const flag = (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec((e as Error).message)?.[1] : undefined;
    const meant = flag ? closest(flag.replace(/^-+/, '').split('=')[0], Object.keys(command.options)) : undefined;
    const message = flag ? `unknown option ${flag}${meant ? `: did you mean --${meant}?` : ''}` : (e as Error).message;
    out.stderr(`mlci ${name}: ${message}\n\nUsage: ${commandHelp(command)}`);
    return 2;
  }
  const { fail, withFlagNames } = await import('./out.js');
  const phrased = withFlagNames(out, Object.keys(command.options));
  let body: CommandBody | undefined;
  try {
    body = await command.load();
    return await body.run(values, env, phrased);
  } catch (e) {
    if (body) await writeFailingSection(command, body, values, env, e, phrased);
    return fail(e, phrased);
  }
}

/** The command's section, as failed, so `mlci report` afterwards never says pass for what did not run. */
async function writeFailingSection(command: CommandSpec, body: CommandBody, values: Values, env: NodeJS.ProcessEnv, error: unknown, out: Out): Promise<void> {
  if (!body.section) return;
  try {
    const { failureSection, writeSection } = await import('@mlci/core/section');
    const { reportDir, slot } = body.section(values, env);
    await writeSection(resolve(reportDir), failureSection(slot, error, { workspace: process.cwd() }));
  } catch (e) {
    out.stderr(`mlci ${command.name}: could not write the failing section: ${(e as Error)?.message ?? String(e)}\n`);
  }
}

function unknownCommand(name: string, out: Out): number {
  const meant = closest(
    name,
    COMMANDS.map((c) => c.name),
  );
  out.stderr(`mlci: unknown command "${name}"${meant ? `: did you mean "${meant}"?` : ''}\n\n${usage()}`);
  return 2;
}

const defaultOut: Out = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
