import { readdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../../support/events/index.js';
import { useGitHub } from '../../support/loopback.js';
import { ROOT, runAction, type RunResult } from '../../support/runner.js';

/**
 * Bounded work on hostile or huge input (issue 8), played against the dist bundles: every case
 * ends in a clear error at its place, or a report that says what was left out — never a hang, a
 * stack overflow or gigabytes. Where the harm is memory, the bundle runs with a small V8 heap
 * (NODE_OPTIONS), so blowing it fails the test; sizes and counts are asserted, never timings.
 */

const DATA = join(ROOT, 'node_modules/vega-datasets/data');
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=256' };
// Big inputs take their time on a loaded machine: a guard against a hang, not a measure.
const HEAVY = 180_000;
const REPO = 'octo/ml';
const TOKEN = 'ghs_bounded_token';
const HEAD = 'b'.repeat(40);

const gh = useGitHub({ repo: REPO, token: TOKEN, write: true, pull: { number: 3, headSha: HEAD, headRef: 'feature', baseRef: 'main' } });

function validate(files: Record<string, string | Buffer>, inputs: Record<string, string>, env?: Record<string, string>): Promise<RunResult> {
  return runAction({ action: 'validate-data', files, env, inputs: { 'report-dir': '.mlci-report', ...inputs } });
}

function compare(files: Record<string, string | Buffer>, inputs: Record<string, string>, env?: Record<string, string>): Promise<RunResult> {
  return runAction({
    action: 'compare-metrics',
    files,
    env,
    inputs: { metrics: 'metrics.json', baseline: 'none', 'report-dir': '.mlci-report', ...inputs },
  });
}

/** The one section a run wrote. */
async function sectionOf(r: RunResult): Promise<any> {
  const names = (await readdir(join(r.workspace, '.mlci-report'))).filter((n) => n.endsWith('.section.json'));
  expect(names).toHaveLength(1);
  return JSON.parse(await readFile(join(r.workspace, '.mlci-report', names[0]), 'utf8'));
}

const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error');

/** An anchored map of `keys` entries, then `aliases` keys that each repeat it. */
function aliasBomb(keys: number, aliases: number): string {
  const base = Array.from({ length: keys }, (_, i) => `  k${i}: ${i}`).join('\n');
  return `base: &base\n${base}\n` + Array.from({ length: aliases }, (_, i) => `s${i}: *base`).join('\n') + '\n';
}

describe('YAML aliases are bounded', () => {
  // 999 aliases of a 200-key map: each adds 401 nodes (the map, its keys and values), so the
  // bound of 100,000 added nodes is passed at alias 250, on line 1 + 200 + 250.
  const bomb = aliasBomb(200, 999);
  const crossing = 1 + 200 + Math.floor(100_000 / 401) + 1;

  it('a params file of 999 aliases in three levels is an error at the alias that passes the bound', async () => {
    // A 30-key map, 10 aliases of it, 10 of those, 979 of those: 6 million nodes once expanded,
    // which flattening turned into gigabytes of keys.
    const keys = Array.from({ length: 30 }, (_, i) => `    hyperparameter_${i}: ${'v'.repeat(20)}${i}`).join('\n');
    const level = (name: string, alias: string) => `${name}: &${name}\n` + Array.from({ length: 10 }, (_, i) => `  stage_${i}: *${alias}`).join('\n');
    const params = [
      `base: &base\n  defaults:\n${keys}`,
      level('group', 'base'),
      level('suite', 'group'),
      ...Array.from({ length: 979 }, (_, i) => `experiment_${i}: *suite`),
    ].join('\n');
    const r = await compare({ 'metrics.json': '{"auc": 0.9}', 'params.yaml': params }, { params: 'params.yaml' }, SMALL_HEAP);
    expect(r.code, r.stderr.slice(0, 2000)).toBe(1);
    const [e] = errors(r);
    // base is 63 nodes, group 641, suite 6,421: the aliases up to suite's add 7,040, and the 15th
    // experiment (line 55 + 14, its alias after `experiment_14: `) takes the sum past 100,000.
    expect(e).toMatchObject({ file: 'params.yaml', line: 69, col: 16 });
    expect(e.message).toMatch(/YAML aliases expand to more than 100,000 nodes \(the alias \*suite passes it\)/);
  });

  it(
    'a schema, a gates file and a plots file of aliases are refused at their line',
    async () => {
      const s = await validate({ 'data.csv': 'id\n1\n', 'schema.yml': bomb }, { data: 'data.csv', schema: 'schema.yml' }, SMALL_HEAP);
      expect(s.code).toBe(1);
      expect(errors(s)[0]).toMatchObject({ file: 'schema.yml', line: crossing, message: expect.stringMatching(/aliases expand/) });
      const g = await compare({ 'metrics.json': '{"auc": 0.9}', 'gates.yml': bomb }, { gates: 'gates.yml' }, SMALL_HEAP);
      expect(g.code).toBe(1);
      expect(errors(g)[0]).toMatchObject({ file: 'gates.yml', line: crossing, message: expect.stringMatching(/aliases expand/) });
      const p = await compare({ 'metrics.json': '{"auc": 0.9}', 'plots.yml': bomb }, { plots: 'plots.yml' }, SMALL_HEAP);
      expect(p.code).toBe(1);
      expect(errors(p)[0]).toMatchObject({ file: 'plots.yml', line: crossing, message: expect.stringMatching(/aliases expand/) });
    },
    HEAVY,
  );
});

describe('Parquet pages are decoded even when no schema names a column', () => {
  it(
    'a flights-3m.parquet with corrupt pages fails at the row group that holds them',
    async () => {
      const file = join(DATA, 'flights-3m.parquet');
      const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
      const delay = metadata.row_groups[1].columns.find((c) => c.meta_data?.path_in_schema[0] === 'delay')!;
      const at = Number(delay.meta_data!.data_page_offset) + 64;
      const bytes = readFileSync(file);
      bytes.fill(0xa5, at, at + 2048);
      const firstRow = Number(metadata.row_groups[0].num_rows) + 1;
      const r = await validate({ 'flights.parquet': bytes }, { data: 'flights.parquet' });
      expect(r.code).toBe(1);
      const [e] = errors(r);
      expect(e).toMatchObject({ file: 'flights.parquet', line: firstRow });
      expect(e.message).toMatch(new RegExp(`^cannot read Parquet rows ${firstRow}–`));
      expect(r.outputs.passed).toBe('false');
      expect((await sectionOf(r)).status).toBe('fail');
    },
    HEAVY,
  );
});

describe('schema patterns run in linear time', () => {
  it('^(a+)+$ against rows of 5,000 a and a b finds every failing row', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'a'.repeat(5000) : 'a'.repeat(5000) + 'b'));
    const r = await validate(
      { 'data.csv': `name\n${rows.join('\n')}\n`, 'schema.yml': 'columns:\n  name:\n    type: string\n    pattern: "^(a+)+$"\n' },
      { data: 'data.csv', schema: 'schema.yml' },
    );
    expect(r.code).toBe(1);
    expect(r.outputs.errors).toBe('1');
    const result = JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
    const check = result.checks.find((c: any) => c.column === 'name' && c.check === 'pattern');
    expect(check.failed_rows).toBe(10);
    expect(check.examples.map((e: any) => e.line)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20].slice(0, check.examples.length));
  });

  it('a pattern with a backreference is an error at its line in the schema', async () => {
    const r = await validate(
      { 'data.csv': 'name\nx\n', 'schema.yml': 'columns:\n  name:\n    type: string\n    pattern: "^(a)\\\\1$"\n' },
      { data: 'data.csv', schema: 'schema.yml' },
    );
    expect(r.code).toBe(1);
    expect(errors(r)[0]).toMatchObject({ file: 'schema.yml', line: 4 });
    expect(errors(r)[0].message).toMatch(/pattern cannot be matched in linear time/);
  });
});

describe('huge counts never crash', () => {
  it(
    '200,000 failing rows with max-examples 1,000,000 end in a failed check with every row counted',
    async () => {
      const rows = Array.from({ length: 200_000 }, (_, i) => `r${i}`).join('\n');
      const r = await validate(
        { 'data.csv': `n\n${rows}\n`, 'schema.yml': 'columns:\n  n: { type: integer }\n' },
        { data: 'data.csv', schema: 'schema.yml', 'max-examples': '1000000' },
        SMALL_HEAP,
      );
      expect(r.code, r.stderr.slice(0, 2000)).toBe(1);
      expect(r.stderr).not.toMatch(/Maximum call stack|heap out of memory/);
      expect(r.outputs).toMatchObject({ passed: 'false', errors: '1', rows: '200000' });
      const result = JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
      expect(result.checks.find((c: any) => c.column === 'n' && c.check === 'type').failed_rows).toBe(200_000);
      expect((await sectionOf(r)).status).toBe('fail');
    },
    HEAVY,
  );

  function section(id: string, status: string, markdown: string): string {
    return JSON.stringify({
      schema: 'mlci/section@1',
      action: 'test',
      id,
      stage: 'other',
      title: id,
      status,
      summary: `${id} summary`,
      markdown,
      created: '2026-12-01T00:00:00.000Z',
    });
  }

  async function post(files: Record<string, string>): Promise<RunResult> {
    return runAction({
      action: 'comment-report',
      github: gh,
      token: TOKEN,
      repository: REPO,
      event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 3, headSha: HEAD, apiUrl: gh.url }) },
      files,
      env: SMALL_HEAP,
      inputs: { 'report-dir': '.mlci-report', markdown: '', 'check-run': 'mlci' },
    });
  }

  it(
    '10,000 sections fit into one comment of at most 65,536 characters',
    async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 10_000; i++) files[`.mlci-report/s${i}.section.json`] = section(`s${i}`, i === 7 ? 'fail' : 'pass', `line of s${i}\n`.repeat(20));
      const r = await post(files);
      expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
      expect(r.outputs.truncated).toBe('true');
      const body = await readFile(r.outputs['body-path'], 'utf8');
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(gh.comments(REPO, 3).at(-1)?.body).toBe(body);
      const check = gh.checkRuns(REPO).at(-1) as any;
      expect(Buffer.byteLength(check.output.summary)).toBeLessThanOrEqual(65_535);
      expect(check.conclusion).toBe('failure');
    },
    HEAVY,
  );

  it(
    'one 60 MB section is cut to the lines that fit',
    async () => {
      const line = (i: number) => `row ${i} ${'x'.repeat(90)}`;
      const lines: string[] = [];
      for (let i = 0, size = 0; size < 60 * 1024 * 1024; i++) {
        lines.push(line(i));
        size += 100;
      }
      const r = await post({ '.mlci-report/huge.section.json': section('huge', 'fail', lines.join('\n')) });
      expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
      expect(r.outputs.truncated).toBe('true');
      const body = await readFile(r.outputs['body-path'], 'utf8');
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(body.length).toBeGreaterThan(60_000);
      const kept = body.split('\n').filter((l) => l.startsWith('row '));
      expect(kept).toEqual(lines.slice(0, kept.length));
      expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
    },
    HEAVY,
  );
});

describe('deep or wide input is an error with a place', () => {
  const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

  it('metrics nested 5,000 levels deep: an error at the bracket that passes 100 levels', async () => {
    const r = await compare({ 'metrics.json': `{\n"m": ${deep(5000)}}` }, {}, SMALL_HEAP);
    expect(r.code).toBe(1);
    // `"m": ` then `{"a":` again and again: the 100th brace of line 2 opens level 101.
    expect(errors(r)[0]).toMatchObject({ file: 'metrics.json', line: 2, col: 6 + 99 * 5 });
    expect(errors(r)[0].message).toMatch(/nested deeper than 100 levels/);
  });

  it('a data value nested 5,000 levels deep: an error at its record', async () => {
    const r = await validate({ 'data.jsonl': `{"id": 1}\n{"id": 2, "v": ${deep(5000)}}\n` }, { data: 'data.jsonl' });
    expect(r.code).toBe(1);
    expect(errors(r)[0]).toMatchObject({ file: 'data.jsonl', line: 2 });
    expect(errors(r)[0].message).toMatch(/nested deeper than 100 levels/);
  });

  it('a bar chart of 1,500 categories draws 200 and says so', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `c${i},${i % 9}`).join('\n');
    const r = await compare(
      {
        'metrics.json': '{"auc": 0.9}',
        'wide.csv': `name,n\n${rows}\n`,
        'plots.yml': 'plots:\n  - { id: wide, data: wide.csv, template: bar, x: name, y: n }\n',
      },
      { plots: 'plots.yml' },
    );
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    const s = await sectionOf(r);
    expect(s.markdown).toContain('1,500 categories: the first 200 are drawn, 1,300 are left out.');
    expect(s.images.map((i: any) => i.path ?? i)).toEqual(expect.arrayContaining([expect.stringMatching(/wide\.png$/)]));
  });
});

describe('compressed input costs what plain input costs', () => {
  it(
    '256 MiB of NUL bytes gzipped stops at the record-size limit',
    async () => {
      const gz = gzipSync(Buffer.alloc(256 * 1024 * 1024));
      expect(gz.length).toBeLessThan(1024 * 1024);
      const r = await validate({ 'nul.csv.gz': gz }, { data: 'nul.csv.gz' }, SMALL_HEAP);
      expect(r.code).toBe(1);
      expect(errors(r)[0]).toMatchObject({ file: 'nul.csv.gz', line: 1 });
      expect(errors(r)[0].message).toMatch(/a record starting at line 1 is longer than 64 MiB/);
    },
    HEAVY,
  );

  it(
    'one 32 MiB line in a .csv.gz is read like the plain file',
    async () => {
      const text = `id,blob\n1,${'y'.repeat(32 * 1024 * 1024)}\n2,z\n`;
      const schema = 'columns:\n  id: { type: integer }\n  blob: { type: string }\n';
      const [gz, plain] = await Promise.all([
        validate({ 'big.csv.gz': gzipSync(text), 'schema.yml': schema }, { data: 'big.csv.gz', schema: 'schema.yml' }),
        validate({ 'big.csv': text, 'schema.yml': schema }, { data: 'big.csv', schema: 'schema.yml' }),
      ]);
      for (const r of [gz, plain]) {
        expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
        expect(r.outputs).toMatchObject({ passed: 'true', rows: '2' });
      }
    },
    HEAVY,
  );
});

describe('ragged CSV rows', () => {
  it('are quoted back exactly as they stand in the file', async () => {
    const rows = ['"x""y",3,4', '"a ""b"" c"', 'q"r,"s""t",'];
    const r = await validate({ 'data.csv': `id,n\n${rows.join('\n')}\n1,2\n` }, { data: 'data.csv' });
    expect(r.code).toBe(1);
    const result = JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
    const check = result.checks.find((c: any) => c.check === 'field_count');
    expect(check.examples.map((e: any) => [e.line, e.value])).toEqual(rows.map((v, i) => [i + 2, v]));
    const shown = errors(r).map((a) => a.message);
    for (const v of rows) expect(shown.some((m) => m.includes(JSON.stringify(v)))).toBe(true);
  });
});
