import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionId } from '@mlci/core/validate-data';
import { pullRequestEvent } from '../../../test/support/events/index.js';
import { runInProcess, type InProcessResult } from '../../../test/support/in-process.js';
import { fixture, PENGUINS, SEATTLE, withLines } from '../../../test/e2e/validate-data-support.js';

/**
 * The adapter in-process (run(), with the runner's environment): inputs it refuses and files or
 * schemas it cannot read, each a failing step with its annotation and its failing section. The
 * spawned bundle runs on real data in test/e2e/validate-data.test.ts.
 */

async function validate(files: Record<string, string>, inputs: Record<string, string>): Promise<InProcessResult> {
  return runInProcess({ action: 'validate-data', files, inputs: { 'report-dir': '.mlci-report', ...inputs } });
}

async function resultOf(r: InProcessResult): Promise<any> {
  return JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
}

async function sectionOf(r: InProcessResult, id: string): Promise<any> {
  return JSON.parse(await readFile(join(r.workspace, '.mlci-report', `${id}.section.json`), 'utf8'));
}

describe('inputs validate-data refuses', () => {
  it('refuses an unknown fail-on value, naming the input', async () => {
    const r = await validate(
      { 'data/penguins.json': PENGUINS, 'data/schema.yml': fixture('penguins.schema.yml') },
      { data: 'data/penguins.json', 'fail-on': 'sometimes' },
    );
    expect(r.code).toBe(1);
    expect(r.annotations[0].message).toContain('input "fail-on" must be one of error, warning, never');
  });

  it('a refused input writes its own section id as fail', async () => {
    const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 300, headSha: 'a'.repeat(40) }) };
    const r = await runInProcess({
      action: 'validate-data',
      event,
      token: 'ghs_honest_failures_token',
      files: { 'data.csv': 'a,b\n1,2\n' },
      inputs: { 'report-dir': '.mlci-report', data: 'data.csv', 'fail-on': 'sometimes' },
    });
    expect(r.code).not.toBe(0);
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('fail-on');
    const section = await sectionOf(r, 'validate-data-data.csv');
    expect(section).toMatchObject({ action: 'validate-data', stage: 'data', status: 'fail' });
    expect(section.data.error.input).toBe('fail-on');
  });

  it("a refused input's fail section has the title the passing one has, shortened past 60 characters", async () => {
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`data/part-${i}.csv`, 'a,b\n1,2\n']));
    const data = Object.keys(files).join('\n');
    const ok = await validate(files, { data });
    expect(ok.code, ok.stdout).toBe(0);
    const id = sectionId(Object.keys(files));
    const passing = await sectionOf(ok, id);
    expect(passing.title).toMatch(/^Data validation: data\/part-0\.csv, .*…$/);

    const refused = await validate(files, { data, 'fail-on': 'sometimes' });
    expect(refused.code).toBe(1);
    const failing = await sectionOf(refused, id);
    expect(failing.status).toBe('fail');
    expect(failing.title).toBe(passing.title);
  });

  it('a data pattern that matches nothing fails naming the input, with the section written', async () => {
    const r = await validate({ 'data/schema.yml': fixture('penguins.schema.yml') }, { data: 'data/*.parquet', schema: 'data/schema.yml' });
    expect(r.code).toBe(1);
    expect(r.annotations.some((a) => a.level === 'error' && a.message.includes('input "data": the pattern "data/*.parquet" matches no file'))).toBe(true);
    expect((await resultOf(r)).checks[0]).toMatchObject({ check: 'readable', passed: false });
  });
});

describe('files and schemas that cannot be read', () => {
  it('a broken quote fails with the file and the line, and the section says so', async () => {
    const csv = withLines(SEATTLE, { 25: (l) => l.replace(/,([a-z]+)$/, ',"$1') });
    const r = await validate(
      { 'data/seattle-weather.csv': csv, 'data/schema.yml': fixture('seattle-weather.schema.yml') },
      { data: 'data/seattle-weather.csv', schema: 'data/schema.yml' },
    );
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '1', warnings: '0', rows: '0' });
    const errors = r.annotations.filter((a) => a.level === 'error' && a.file);
    expect(errors).toEqual([expect.objectContaining({ file: 'data/seattle-weather.csv', line: 25, title: 'unreadable data' })]);
    expect(errors[0].message).toContain('unterminated quoted field');
    const result = await resultOf(r);
    expect(result.checks).toEqual([
      expect.objectContaining({ check: 'readable', passed: false, examples: [expect.objectContaining({ file: 'data/seattle-weather.csv', line: 25 })] }),
    ]);
    const section = await sectionOf(r, 'validate-data-data-seattle-weather.csv');
    expect(section.markdown).toContain('Could not read data/seattle\\-weather\\.csv');
    expect(section.summary).toContain('unterminated quoted field');
  });

  it('a schema with a wrong type is an error at its line and column', async () => {
    const r = await validate(
      { 'data/seattle-weather.csv': SEATTLE, 'data/schema.yml': fixture('bad-type.schema.yml') },
      { data: 'data/seattle-weather.csv', schema: 'data/schema.yml' },
    );
    expect(r.code).toBe(1);
    const e = r.annotations.find((a) => a.file === 'data/schema.yml');
    expect(e).toMatchObject({ level: 'error', line: 4, col: 17, title: 'invalid schema' });
    expect(e!.message).toContain('columns.wind.type must be one of');
    const section = await sectionOf(r, 'validate-data-data-seattle-weather.csv');
    expect(section.markdown).toContain('The schema could not be used');
  });

  it('schema YAML that does not parse is an error at its line', async () => {
    const r = await validate(
      { 'data/seattle-weather.csv': SEATTLE, 'data/schema.yml': fixture('bad-yaml.schema.yml') },
      { data: 'data/seattle-weather.csv', schema: 'data/schema.yml' },
    );
    expect(r.code).toBe(1);
    const e = r.annotations.find((a) => a.file === 'data/schema.yml');
    expect(e).toMatchObject({ level: 'error', title: 'invalid schema' });
    expect(e!.line).toBeGreaterThanOrEqual(3);
    expect(e!.message).toContain('not valid YAML');
  });
});
