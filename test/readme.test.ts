import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/runner.js';
// @ts-expect-error plain JS script
import { readmes, render } from '../scripts/readme-tables.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const actions = readdirSync(join(ROOT, 'actions')).filter((n) => existsSync(join(ROOT, 'actions', n, 'action.yml')));

describe('README.md', () => {
  it('shows the two commands: run the example, run the tests', () => {
    expect(readme).toMatch(/npm ci && npm run example/);
    expect(readme).toMatch(/npm ci && npm test/);
  });

  it.each(actions)('has the inputs and outputs tables of %s, identical to its action.yml', (action) => {
    expect(readme).toContain(`<!-- mlci:inputs ${action} -->`);
    expect(readme).toContain(`<!-- mlci:outputs ${action} -->`);
    const yml = parse(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8'));
    for (const name of Object.keys(yml.inputs ?? {})) expect(readme).toContain(`| \`${name}\` |`);
    expect(render(readme)).toBe(readme);
  });

  it.each(readmes() as string[])('%s has tables identical to the action.yml files', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(render(text)).toBe(text);
  });

  it('fills empty blocks without swallowing the blocks after them', () => {
    const text = '<!-- mlci:inputs comment-report -->\n<!-- /mlci:inputs -->\n\n<!-- mlci:outputs comment-report -->\n<!-- /mlci:outputs -->\n';
    const out = render(text) as string;
    expect(out.match(/<!-- \/mlci:(inputs|outputs) -->/g)).toHaveLength(2);
    expect(out).toContain('| `target` |');
    expect(out).toContain('| `comment-url` |');
  });

  it('the check notices a table that drifted from action.yml', () => {
    const drifted = readme.replace('| `target` |', '| `targets` |');
    expect(drifted).not.toBe(readme);
    expect(render(drifted)).not.toBe(drifted);
  });
});
