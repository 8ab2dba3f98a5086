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
    COMMANDS.map((c) => ('mlci ' + c.usage).replace(/^/gm, '  ')).join('\n\n') +
    '\n\n  mlci help | mlci COMMAND --help | mlci --version\n'
  );
}

/** The CLI package's version; package.json sits one folder above both src/ and lib/. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, out: Out = defaultOut): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    out.stdout(`mlci ${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    out.stderr(`mlci: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  let values: Values;
  try {
    // `help` is not one of the command's flags (a flag value may still be the text "--help").
    const parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
    if (parsed.help) {
      out.stdout(`Usage: mlci ${command.usage}\n`);
      return 0;
    }
    delete parsed.help;
    values = parsed;
  } catch (e) {
    if (!(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    out.stderr(`mlci ${name}: ${(e as Error).message}\n\nUsage: mlci ${command.usage}\n`);
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

const defaultOut: Out = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
