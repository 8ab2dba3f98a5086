import { parseArgs } from 'node:util';
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
  try {
    const { values } = parseArgs({ args: rest, options: command.options, strict: true });
    return await command.run(values, env, phrased);
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`mlci ${name}: ${(e as Error).message}\n\nUsage: mlci ${command.usage}\n`);
      return 2;
    }
    return fail(e, phrased);
  }
}

const defaultOut: Out = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
