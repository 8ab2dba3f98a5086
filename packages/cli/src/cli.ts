import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { failureSection, writeSection } from '@mlci/core/section';
import type { Command, Values } from './command.js';
import { COMMANDS } from './commands/index.js';
import { fail, withFlagNames, type Out } from './out.js';

function usage(): string {
  return (
    'mlci — CI/CD steps for machine-learning repositories, outside GitHub Actions too\n\nUsage:\n' +
    COMMANDS.map((c) => ('mlci ' + c.usage).replace(/^/gm, '  ')).join('\n\n') +
    '\n\n  mlci help\n'
  );
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, out: Out = defaultOut): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    out.stderr(`mlci: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const phrased = withFlagNames(out, Object.keys(command.options));
  let values: ReturnType<typeof parseArgs>['values'];
  try {
    values = parseArgs({ args: rest, options: command.options, strict: true }).values;
  } catch (e) {
    if (!(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    out.stderr(`mlci ${name}: ${(e as Error).message}\n\nUsage: mlci ${command.usage}\n`);
    return 2;
  }
  try {
    return await command.run(values, env, phrased);
  } catch (e) {
    await writeFailingSection(command, values, env, e, phrased);
    return fail(e, phrased);
  }
}

/** The command's section, as failed, so `mlci report` afterwards never says pass for what did not run. */
async function writeFailingSection(command: Command, values: Values, env: NodeJS.ProcessEnv, error: unknown, out: Out): Promise<void> {
  if (!command.section) return;
  try {
    const { reportDir, slot } = command.section(values, env);
    await writeSection(resolve(reportDir), failureSection(slot, error, { workspace: process.cwd() }));
  } catch (e) {
    out.stderr(`mlci ${command.name}: could not write the failing section: ${(e as Error)?.message ?? String(e)}\n`);
  }
}

const defaultOut: Out = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
