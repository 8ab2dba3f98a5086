import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runAction } from '../support/runner.js';

/**
 * `infer-schema` through the bundle: the schema it writes is one validate-data accepts and the same
 * data passes; and inference stays within a few hundred MB on a file whose shape once took gigabytes.
 */

// Names and cells that break YAML and CSV writers, an all-null column, ints mixed with floats,
// ids equal as numbers (1 and 1.0), an infinite value, leading-zero codes, quoted line breaks.
const NASTY = [
  ['user_id', 'na"me', '🙂 emoji', '1st', '#', 'a.b', '', 'empty', 'mixed', 'zip', 'flag', ': colon', '- dash'],
  ['1', 'x, "y"', '🙂', '1.5', 'NA', 'true', 'a', '', '1', '00501', 'yes', 'true', '~'],
  ['2', 'line\nbreak', '🙂', '2', '', 'false', 'b', 'NA', '2.5', '00501', 'no', 'null', '- x'],
  ['1.0', "it's", '🙂', '-0.25', '', 'true', 'a', 'null', 'Infinity', '10001', 'yes', 'true', '[y]'],
  ['4', '&lt;b&gt;', '🙂', '1e3', '', 'TRUE', 'b', '', '-3', '10001', 'no', 'true', '{z}'],
  ['5', '\\_', '🙂', '7', '', 'False', 'a', '', '4', '00501', 'yes', 'true', '&a'],
];

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

describe('validate-data infer-schema (bundle)', () => {
  it('writes a schema for a nasty table that a second run with `schema` accepts, and the same data passes it', async () => {
    const first = await runAction({
      action: 'validate-data',
      files: { 'data/nasty.csv': csv(NASTY) },
      inputs: { data: 'data/nasty.csv', 'infer-schema': 'data/schema.yml' },
    });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: `wrote a schema of ${NASTY[0].length} columns inferred from 5 rows to data/schema.yml` }),
    );
    const yaml = await readFile(join(first.workspace, 'data/schema.yml'), 'utf8');
    expect(Object.keys(parseYaml(yaml).columns).sort()).toEqual([...NASTY[0]].sort());

    const second = await runAction({ action: 'validate-data', workspace: first.workspace, inputs: { data: 'data/nasty.csv', schema: 'data/schema.yml' } });
    expect(second.code, `${yaml}\n${second.stdout}${second.stderr}`).toBe(0);
    expect(second.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0', rows: '5' });
    expect(
      second.annotations.filter((a) => a.level !== 'notice'),
      yaml,
    ).toEqual([]);
  });

  it('infers 100,000 columns of an 11 MB CSV in bounded memory', async () => {
    // Before: 1.6 GB peak RSS (two typed arrays per column for uniqueness, a hash table per column
    // for enums, one YAML document of every column); after: about 300 MB (see bench/infer-schema.mjs).
    const columns = 100_000;
    const header = Array.from({ length: columns }, (_, j) => `c${j}`).join(',');
    const rows: string[] = [header];
    for (let i = 0; rows.length < 56; i++) rows.push(Array.from({ length: columns }, (_, j) => (i * 7 + j) % 10).join(','));
    const text = rows.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(11_000_000);
    const probe = await mkdtemp(join(tmpdir(), 'mlci-rss-'));
    const rssFile = join(probe, 'rss');
    const preload = join(probe, 'rss.mjs');
    await writeFile(
      preload,
      `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
    );
    // The heap cap alone would not catch it (typed arrays live outside the heap): the peak RSS does.
    const r = await runAction({
      action: 'validate-data',
      files: { 'wide.csv': text },
      inputs: { data: 'wide.csv', 'infer-schema': 'schema.yml' },
      env: { NODE_OPTIONS: `--max-old-space-size=256 --import=${preload}` },
    });
    expect(r.code, r.stdout.slice(-2000) + r.stderr).toBe(0);
    const yaml = await readFile(join(r.workspace, 'schema.yml'), 'utf8');
    expect(yaml.split('\n').filter((l) => /^ {2}c\d+: \{ type: integer, min: 0, max: 9 \}$/.test(l))).toHaveLength(columns);
    const maxRssKiB = Number(await readFile(rssFile, 'utf8'));
    expect(maxRssKiB).toBeGreaterThan(0);
    expect(maxRssKiB).toBeLessThan(700 * 1024);
  });
});
