import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, type RunResult } from '../support/runner.js';
import { SEATTLE } from './validate-data-support.js';

/**
 * The bundle validates a large CSV file in byte ranges on worker threads (it starts itself as the
 * worker: core's data/ranges.ts). MLCI_DATA_RANGE_BYTES forces tiny ranges on a small file, so
 * that hundreds of cuts fall inside quoted newlines, CRLF pairs and blank lines; the report must
 * be the one-thread one, to every annotation's line.
 */

const SCHEMA = `columns:
  date:          { type: date, unique: true }
  precipitation: { type: number, min: 0, max: 40 }
  temp_max:      { type: number, max: 30 }
  weather:       { type: string, enum: [drizzle, rain, sun, snow, fog], pattern: "^[a-z]+$" }
`;

/** seattle-weather.csv with a BOM, CRLF endings, blank lines, and weather cells that hold newlines. */
function quirky(): string {
  const lines = SEATTLE.trimEnd().split('\n');
  const out = lines.map((line, i) => {
    if (i > 0 && i % 37 === 5) return line.replace(/,([a-z]+)$/, ',"$1\r\nand ""wind"",\nmore"');
    if (i > 0 && i % 53 === 9) return `${line}\r\n`;
    return line;
  });
  return `\uFEFF${out.join('\r\n')}\r\n`;
}

async function validate(env: Record<string, string>): Promise<RunResult> {
  return runAction({
    action: 'validate-data',
    files: { 'data/weather.csv': quirky(), 'data/schema.yml': SCHEMA },
    inputs: { data: 'data/weather.csv', schema: 'data/schema.yml', 'report-dir': '.mlci-report', 'max-examples': '8' },
    env,
  });
}

describe('validate-data in ranges on worker threads, through the bundle', () => {
  it('gives the one-thread report: outputs, result, annotations at physical lines, summary', async () => {
    const profiles = await mkdtemp(join(tmpdir(), 'mlci-ranges-prof-'));
    const alone = await mkdtemp(join(tmpdir(), 'mlci-ranges-prof-'));
    const one = await validate({ NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${alone}` });
    const split = await validate({ MLCI_DATA_RANGE_BYTES: '512', NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profiles}` });
    expect(one.code, one.stdout + one.stderr).toBe(1);
    expect(split.code, split.stdout + split.stderr).toBe(1);
    // Each thread writes a CPU profile: the split run had threads besides the main one, and the
    // file far below the default size started none (not even one warmed up ahead of the schema).
    const cpuProfiles = async (d: string) => (await readdir(d)).filter((f) => f.endsWith('.cpuprofile')).length;
    expect(await cpuProfiles(profiles)).toBeGreaterThanOrEqual(2);
    expect(await cpuProfiles(alone)).toBe(1);

    const result = async (r: RunResult) => JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
    expect(await result(split)).toEqual(await result(one));
    expect(split.annotations).toEqual(one.annotations);
    expect(split.summary).toEqual(one.summary);
    expect({ ...split.outputs, 'result-json': '' }).toEqual({ ...one.outputs, 'result-json': '' });

    // Real failures, after quoted newlines: the enum breaks where a weather cell holds three lines.
    const enumLines = one.annotations.filter((a) => a.title === 'weather: allowed values').map((a) => a.line);
    expect(enumLines.length).toBeGreaterThan(3);
    const physical = quirky().split('\n');
    for (const line of enumLines) expect(physical[line! - 1]).toMatch(/,"[a-z]+\r$/);
    expect((await result(one)).rows).toBe(1461);
  });
});
