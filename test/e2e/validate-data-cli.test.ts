import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlci as run } from '../support/cli.js';
import { ROOT } from '../support/runner.js';

/** `mlci validate` as a laptop or another CI runs it: the built CLI, in a directory of data. */

const SEATTLE = readFileSync(join(ROOT, 'node_modules/vega-datasets/data/seattle-weather.csv'), 'utf8');
const SCHEMA = readFileSync(join(ROOT, 'test/fixtures/validate-data/seattle-weather.schema.yml'), 'utf8');

/** HOME is a temp folder: no user git config or credentials reach the run. */
const mlci = (args: string[], cwd: string) => run(args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: tmpdir() } });

async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-cli-validate-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
  return dir;
}

function withLine(text: string, n: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  lines[n - 1] = edit(lines[n - 1]);
  return lines.join('\n');
}

describe('mlci validate', () => {
  it('prints each failed check as file:line: error: message and exits 1', async () => {
    const csv = withLine(
      withLine(SEATTLE, 17, (l) => l.replace(/,[a-z]+$/, ',hail')),
      101,
      (l) => l.replace(/^([^,]+,[^,]+,)[^,]+/, '$199.5'),
    );
    const dir = await workspace({ 'data/seattle-weather.csv': csv, 'data/schema.yml': SCHEMA });
    const r = await mlci(['validate', '--data', 'data/seattle-weather.csv', '--schema', 'data/schema.yml', '--report-dir', 'report'], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('data/seattle-weather.csv:17: error: Column "weather" fails allowed values in 1 of 1461 rows');
    expect(r.stderr).toContain('data/seattle-weather.csv:101: error: Column "temp_max" fails max in 1 of 1461 rows (expected <= 40): "99.5"');
    expect(r.stdout).toContain('mlci validate: 2 errors in 1,461 rows, 6 columns');
    const json = join(dir, 'report/validate-data-data-seattle-weather.csv/result.json');
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({ passed: false, rows: 1461, errors: 2 });
    const section = JSON.parse(await readFile(join(dir, 'report/validate-data-data-seattle-weather.csv.section.json'), 'utf8'));
    expect(section).toMatchObject({ action: 'validate-data', stage: 'data', status: 'fail' });
  });

  it('exits 0 on clean data and with --fail-on never', async () => {
    const dir = await workspace({
      'data/seattle-weather.csv': SEATTLE,
      'bad.csv': withLine(SEATTLE, 17, (l) => l.replace(/,[a-z]+$/, ',hail')),
      'schema.yml': SCHEMA,
    });
    const clean = await mlci(['validate', '--data', 'data/seattle-weather.csv', '--schema', 'schema.yml'], dir);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('all 25 checks passed');
    const never = await mlci(['validate', '--data', 'bad.csv', '--schema', 'schema.yml', '--fail-on', 'never'], dir);
    expect(never.code).toBe(0);
    expect(never.stderr).toContain('bad.csv:17: error:');
  });

  it('a broken quote prints file:line:col and exits 1', async () => {
    const dir = await workspace({ 'data.csv': withLine(SEATTLE, 25, (l) => l.replace(/,([a-z]+)$/, ',"$1')) });
    const r = await mlci(['validate', '--data', 'data.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^data\.csv:25:\d+: error: unterminated quoted field/m);
  });

  it('refuses a --fail-on it does not know, and a --sample that is not a count', async () => {
    const dir = await workspace({ 'data.csv': SEATTLE });
    const a = await mlci(['validate', '--data', 'data.csv', '--fail-on', 'sometimes'], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--fail-on must be one of error, warning, never');
    const b = await mlci(['validate', '--data', 'data.csv', '--sample', '0'], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--sample must be a whole number of at least 1');
  });

  it('names flags, not action inputs, in every message', async () => {
    const dir = await workspace({ 'data.csv': SEATTLE });
    const none = await mlci(['validate'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error: --data is required: the files to validate');
    const missing = await mlci(['validate', '--data', 'nope.csv'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('mlci validate: unreadable data: --data: file "nope.csv" does not exist');
    expect(missing.stderr).toContain('error: --data: file "nope.csv" does not exist');
    const both = await mlci(['validate', '--data', 'data.csv', '--reference', 'git:main', '--reference', 'data.csv'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('error: --reference: give either one git:<ref> or files, not both');
    for (const r of [none, missing, both]) expect(r.stdout + r.stderr).not.toContain('input "');
  });

  it('names the drifted columns, each with its statistic', async () => {
    // temp_max 8 °C warmer and wind doubled: two columns move, the other four stay.
    const shifted = SEATTLE.split('\n')
      .map((line, i) => {
        if (i === 0 || line === '') return line;
        const c = line.split(',');
        c[2] = (Number(c[2]) + 8).toFixed(1);
        c[4] = (Number(c[4]) * 2).toFixed(1);
        return c.join(',');
      })
      .join('\n');
    const dir = await workspace({ 'ref.csv': SEATTLE, 'cur.csv': shifted });
    const r = await mlci(['validate', '--data', 'cur.csv', '--reference', 'ref.csv'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 of 6 columns drifted');
    expect(r.stdout).toMatch(/^ {2}drifted: "temp_max" \(wasserstein [\d.]+ >= [\d.]+\)$/m);
    expect(r.stdout).toMatch(/^ {2}drifted: "wind" \(wasserstein [\d.]+ >= [\d.]+\)$/m);
    expect(r.stdout).not.toMatch(/drifted: "(date|precipitation|temp_min|weather)"/);
  });

  it('infers a schema with --infer-schema that the same data then passes with --schema', async () => {
    const nasty = 'user id,"na""me",🙂,1st,#,a.b\n1,"x, ""y""",🙂,1.5,NA,true\n2,"line\nbreak",🙂,2,,false\n3,plain,🙂,-0.25,,true\n';
    const dir = await workspace({ 'data.csv': nasty });
    const inferred = await mlci(['validate', '--data', 'data.csv', '--infer-schema', 'schema.yml'], dir);
    expect(inferred.code, inferred.stderr).toBe(0);
    expect(inferred.stderr).toContain('notice: wrote a schema of 6 columns inferred from 3 rows to schema.yml');
    const checked = await mlci(['validate', '--data', 'data.csv', '--schema', 'schema.yml'], dir);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/mlci validate: 3 rows, 6 columns: all \d+ checks passed/);
  });
});
