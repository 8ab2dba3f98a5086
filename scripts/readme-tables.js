// Writes each action's inputs and outputs into README.md between markers, from its action.yml:
//   <!-- mlci:inputs comment-report -->...<!-- /mlci:inputs -->   (and mlci:outputs)
// `node scripts/readme-tables.js --check` fails when README.md is out of date (a test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();

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
  return readme.replace(
    /(<!-- mlci:(inputs|outputs) ([a-z-]+) -->\n)[\s\S]*?(\n<!-- \/mlci:\2 -->)/g,
    (_m, open, kind, action, close) => open + tables(action)[kind] + close,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(root, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = render(before);
  if (process.argv.includes('--check')) {
    if (before !== after) {
      console.error('README.md is out of date with action.yml: run `node scripts/readme-tables.js`');
      process.exit(1);
    }
  } else {
    writeFileSync(file, after);
  }
}
