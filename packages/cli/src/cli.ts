import { parseArgs } from 'node:util';
import { report } from './commands/report.js';
import { fail, type Out } from './out.js';

const USAGE = `mlci — CI/CD steps for machine-learning repositories, outside GitHub Actions too

Usage:
  mlci report [--report-dir DIR] [--markdown FILE]... [--title TEXT] [--id ID] [--out DIR]
      Build the report from a report directory (the sections mlci steps wrote) and markdown
      files; writes DIR/report.md (the comment body, fitted to GitHub's limits) and
      DIR/report.html (the same, shown as GitHub would). Default --out: mlci-report.

  mlci help
`;

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, out: Out = defaultOut): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'report': {
        const { values } = parseArgs({
          args: rest,
          options: {
            'report-dir': { type: 'string' },
            markdown: { type: 'string', multiple: true },
            title: { type: 'string' },
            id: { type: 'string' },
            out: { type: 'string' },
          },
          strict: true,
        });
        return await report(
          {
            reportDir: values['report-dir'],
            markdown: values.markdown ?? [],
            title: values.title ?? 'mlci report',
            id: values.id ?? 'mlci',
            out: values.out ?? 'mlci-report',
          },
          env,
          out,
        );
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        out.stderr(`mlci: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    return fail(e, out);
  }
}

const defaultOut: Out = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
