import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/runner.js';

/**
 * Shared by validate-data's spawned tests and its in-process ones (actions/validate-data/src):
 * vega-datasets' real files and the schemas written for them, and ways to inject faults at known lines.
 */

const DATA = join(ROOT, 'node_modules/vega-datasets/data');
const FIXTURES = join(ROOT, 'test/fixtures/validate-data');
export const SEATTLE = readFileSync(join(DATA, 'seattle-weather.csv'), 'utf8');
export const PENGUINS = readFileSync(join(DATA, 'penguins.json'), 'utf8');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Replaces whole lines (1-based) of a text. */
export function withLines(text: string, edits: Record<number, (line: string) => string>): string {
  const lines = text.split('\n');
  for (const [n, edit] of Object.entries(edits)) lines[Number(n) - 1] = edit(lines[Number(n) - 1]);
  return lines.join('\n');
}

/** A CSV line with one field replaced (seattle-weather: date,precipitation,temp_max,temp_min,wind,weather). */
export const field = (i: number, value: string) => (line: string) => {
  const cells = line.split(',');
  cells[i] = value;
  return cells.join(',');
};

/** penguins.json: record k (1-based) starts at line 9k-7 with `{`; its fields follow one a line. */
export const penguinLine = (k: number) => 9 * k - 7;
