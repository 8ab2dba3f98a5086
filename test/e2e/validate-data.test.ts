import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runAction, type RunResult } from '../support/runner.js';
import { field, fixture, PENGUINS, penguinLine, SEATTLE, withLines } from './validate-data-support.js';

/**
 * validate-data as the runner runs it (the dist bundle, INPUT_* and GITHUB_*), on vega-datasets'
 * real files copied into the workspace, with faults injected at known lines. Refused inputs and
 * files or schemas that cannot be read are tested in-process (actions/validate-data/src/main.test.ts).
 */

async function validate(files: Record<string, string>, inputs: Record<string, string>, workspace?: string): Promise<RunResult> {
  return runAction({ action: 'validate-data', files, workspace, inputs: { 'report-dir': '.mlci-report', ...inputs } });
}

async function resultOf(r: RunResult): Promise<any> {
  return JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
}

async function sectionOf(r: RunResult, id: string): Promise<any> {
  return JSON.parse(await readFile(join(r.workspace, '.mlci-report', `${id}.section.json`), 'utf8'));
}

const errorsAt = (r: RunResult, file: string) =>
  r.annotations.filter((a) => a.level === 'error' && a.file === file).map((a) => ({ line: a.line, title: a.title }));

describe('validate-data on real data', () => {
  it('passes seattle-weather.csv against its schema, with every output set and the result JSON in the documented shape', async () => {
    const r = await runAction({
      action: 'validate-data',
      files: { 'data/seattle-weather.csv': SEATTLE, 'data/schema.yml': fixture('seattle-weather.schema.yml') },
      inputs: { data: 'data/seattle-weather.csv', schema: 'data/schema.yml' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0', rows: '1461' });
    expect(r.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    // No report-dir: the default every mlci action shares, under RUNNER_TEMP.
    expect(r.outputs['result-json'].startsWith(join(r.runnerTemp, 'mlci-report'))).toBe(true);
    const result = await resultOf(r);
    expect(result).toMatchObject({ passed: true, rows: 1461, columns: 6, drift: [] });
    expect(result.checks.length).toBeGreaterThan(10);
    for (const c of result.checks) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['column', 'check', 'severity', 'passed', 'failed_rows', 'examples']));
    }
    expect(r.summary).toContain('Verdict: passed');
    expect(r.summary).toContain('1,461 rows');
  });

  it('passes penguins.json with one warning: the real "." recorded as a sex, at its element\'s line', async () => {
    const r = await validate(
      { 'data/penguins.json': PENGUINS, 'data/schema.yml': fixture('penguins.schema.yml') },
      { data: 'data/penguins.json', schema: 'data/schema.yml' },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '1', rows: '344' });
    const warnings = r.annotations.filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'data/penguins.json', line: 3026, title: 'Sex: allowed values' });
    expect(PENGUINS.split('\n')[3026 - 1]).toBe('  {');
    expect(PENGUINS.split('\n')[3033 - 1]).toBe('    "Sex": "."');
    const section = await sectionOf(r, 'validate-data-data-penguins.json');
    expect(section).toMatchObject({ action: 'validate-data', stage: 'data', status: 'warn' });
    expect(section.markdown).toContain('passed with 1 warning');
  });
});

describe('validate-data finds injected faults at their exact lines', () => {
  it('seattle-weather.csv: a wrong type, a null, an out-of-range value, a duplicate date, a bad enum', async () => {
    const lines = SEATTLE.split('\n');
    const csv = withLines(SEATTLE, {
      41: field(0, '2012-02-3x'),
      30: field(1, ''),
      101: field(2, '99.5'),
      201: field(0, lines[199].split(',')[0]),
      17: field(5, 'hail'),
    });
    const r = await validate(
      { 'data/seattle-weather.csv': csv, 'data/schema.yml': fixture('seattle-weather.schema.yml') },
      { data: 'data/seattle-weather.csv', schema: 'data/schema.yml' },
    );
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '5', warnings: '0', rows: '1461' });
    expect(errorsAt(r, 'data/seattle-weather.csv')).toEqual(
      expect.arrayContaining([
        { line: 41, title: 'date: type' },
        { line: 30, title: 'precipitation: not null' },
        { line: 101, title: 'temp_max: max' },
        { line: 201, title: 'date: unique' },
        { line: 17, title: 'weather: allowed values' },
      ]),
    );
    expect(errorsAt(r, 'data/seattle-weather.csv')).toHaveLength(5);
    const failed = (await resultOf(r)).checks.filter((c: any) => !c.passed);
    const where = failed.map((c: any) => [c.column, c.check, c.failed_rows, c.examples.map((e: any) => `${e.file}:${e.line}`)]);
    expect(where).toEqual(
      expect.arrayContaining([
        ['date', 'type', 1, ['data/seattle-weather.csv:41']],
        ['precipitation', 'not_null', 1, ['data/seattle-weather.csv:30']],
        ['temp_max', 'max', 1, ['data/seattle-weather.csv:101']],
        ['date', 'unique', 1, ['data/seattle-weather.csv:201']],
        ['weather', 'enum', 1, ['data/seattle-weather.csv:17']],
      ]),
    );
    // The comment says why the step failed, even though it failed.
    const section = await sectionOf(r, 'validate-data-data-seattle-weather.csv');
    expect(section.status).toBe('fail');
    expect(section.markdown).toContain('**Verdict: failed** — 5 errors');
    expect(section.markdown).toContain('`hail` at data/seattle\\-weather\\.csv\\:17');
    // The five errors are annotated at their lines; the verdict that counts them is logged, not annotated again.
    expect(r.stdout).toContain('\nvalidate-data: 5 errors in data/seattle-weather.csv');
    expect(r.stdout).not.toContain('::error::validate-data: 5 errors');
  });

  it('penguins.json: each fault at the line where its record starts', async () => {
    const json = withLines(PENGUINS, {
      [penguinLine(10) + 1]: () => '    "Species": null,',
      [penguinLine(20) + 6]: () => '    "Body Mass (g)": "heavy",',
      [penguinLine(30) + 3]: () => '    "Beak Length (mm)": 120,',
      [penguinLine(40) + 2]: () => '    "Island": "Atlantis",',
    });
    const r = await validate(
      { 'data/penguins.json': json, 'data/schema.yml': fixture('penguins.schema.yml') },
      { data: 'data/penguins.json', schema: 'data/schema.yml' },
    );
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ errors: '4', warnings: '1' });
    expect(errorsAt(r, 'data/penguins.json')).toEqual(
      expect.arrayContaining([
        { line: 83, title: 'Species: not null' },
        { line: 173, title: 'Body Mass (g): type' },
        { line: 263, title: 'Beak Length (mm): max' },
        { line: 353, title: 'Island: allowed values' },
      ]),
    );
  });

  it('annotates at most max-examples rows per check and says how many more failed', async () => {
    const edits: Record<number, (l: string) => string> = {};
    for (let line = 300; line < 308; line++) edits[line] = field(5, 'hail');
    const r = await validate(
      { 'data/seattle-weather.csv': withLines(SEATTLE, edits), 'data/schema.yml': fixture('seattle-weather.schema.yml') },
      { data: 'data/seattle-weather.csv', schema: 'data/schema.yml', 'max-examples': '3' },
    );
    const enumErrors = r.annotations.filter((a) => a.title === 'weather: allowed values');
    expect(enumErrors.map((a) => a.line)).toEqual([300, 301, 302]);
    expect(enumErrors[0].message).toContain('8 of 1461 rows');
    expect(enumErrors[0].message).toContain('5 more failing rows not annotated');
    const check = (await resultOf(r)).checks.find((c: any) => c.check === 'enum');
    expect(check.failed_rows).toBe(8);
    expect(check.examples).toHaveLength(3);
  });
});

describe('fail-on', () => {
  const files = { 'data/penguins.json': PENGUINS, 'data/schema.yml': fixture('penguins.schema.yml') };

  it('warning: fails on a warning, and the section says that is why', async () => {
    const r = await validate(files, { data: 'data/penguins.json', schema: 'data/schema.yml', 'fail-on': 'warning' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '0', warnings: '1' });
    const section = await sectionOf(r, 'validate-data-data-penguins.json');
    expect(section.status).toBe('fail');
    expect(section.markdown).toContain('This step fails on warnings (`fail-on: warning`)');
    expect(r.stdout).toContain('(fail-on: warning)');
  });

  it('never: exits 0 with errors, and still sets every output and writes the section', async () => {
    const csv = withLines(SEATTLE, { 17: field(5, 'hail') });
    const r = await validate(
      { 'data/seattle-weather.csv': csv, 'data/schema.yml': fixture('seattle-weather.schema.yml') },
      { data: 'data/seattle-weather.csv', schema: 'data/schema.yml', 'fail-on': 'never' },
    );
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '1', rows: '1461' });
    expect(errorsAt(r, 'data/seattle-weather.csv')).toEqual([{ line: 17, title: 'weather: allowed values' }]);
    const section = await sectionOf(r, 'validate-data-data-seattle-weather.csv');
    expect(section.status).toBe('fail');
    expect(section.markdown).toContain('`fail-on: never`');
  });
});

describe('infer-schema', () => {
  it.each([
    ['seattle-weather.csv', SEATTLE, 1461],
    ['penguins.json', PENGUINS, 344],
  ])('writes a schema from %s that then validates the same data (two runs)', async (name, content, rows) => {
    const first = await validate({ [`data/${name}`]: content }, { data: `data/${name}`, 'infer-schema': 'schemas/inferred.yml' });
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ passed: 'true', rows: String(rows) });
    expect(first.annotations).toContainEqual(expect.objectContaining({ level: 'notice', file: 'schemas/inferred.yml' }));
    const yaml = await readFile(join(first.workspace, 'schemas/inferred.yml'), 'utf8');
    expect(yaml).toContain(`Inferred by mlci from data/${name} (${rows} rows)`);
    expect(Object.keys(parseYaml(yaml).columns).length).toBeGreaterThan(5);

    const second = await validate({}, { data: `data/${name}`, schema: 'schemas/inferred.yml' }, first.workspace);
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0', rows: String(rows) });
    expect((await resultOf(second)).checks.length).toBeGreaterThan(10);
  });
});
