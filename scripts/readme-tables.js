// Writes each action's inputs and outputs into the READMEs (README.md and actions/*/README.md)
// between markers, from its action.yml:
//   <!-- mlci:inputs comment-report -->...<!-- /mlci:inputs -->   (and mlci:outputs)
// `node scripts/readme-tables.js --check` fails when a README is out of date (a test runs it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .trim();

export function tables(action) {
  const yml = parse(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8'));
  const inputs = Object.entries(yml.inputs ?? {}).map(
    ([name, s]) => `| \`${name}\` | ${cell(s.description)} | ${s.default === undefined || s.default === '' ? '' : '`' + cell(s.default) + '`'} |`,
  );
  const outputs = Object.entries(yml.outputs ?? {}).map(([name, s]) => `| \`${name}\` | ${cell(s.description)} |`);
  return {
    inputs: ['| input | description | default |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | description |', '|---|---|', ...outputs].join('\n'),
  };
}

export function render(readme) {
  // The block between the markers may be empty: the close marker can follow the open one directly.
  return readme.replace(
    /(<!-- mlci:(inputs|outputs) ([a-z-]+) -->)\n(?:[\s\S]*?\n)??(<!-- \/mlci:\2 -->)/g,
    (_m, open, kind, action, close) => `${open}\n${tables(action)[kind]}\n${close}`,
  );
}

export function readmes() {
  const actions = readdirSync(join(root, 'actions')).filter((n) => existsSync(join(root, 'actions', n, 'README.md')));
  return [join(root, 'README.md'), ...actions.map((n) => join(root, 'actions', n, 'README.md'))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let stale = 0;
  for (const file of readmes()) {
    const before = readFileSync(file, 'utf8');
    const after = render(before);
    if (before === after) continue;
    if (process.argv.includes('--check')) {
      console.error(`${file} is out of date with action.yml: run \`node scripts/readme-tables.js\``);
      stale++;
    } else {
      writeFileSync(file, after);
    }
  }
  process.exit(stale ? 1 : 0);
}
