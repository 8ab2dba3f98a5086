import { parse as parseToml, TomlError } from 'smol-toml';
import { UserError } from '../errors.js';
import { MAX_JSON_DEPTH, parseJsonIn } from '../files/lenient-json.js';
import { readYamlFile } from '../files/yaml-schema.js';
import { parseTable } from './table.js';

export type MetricsFormat = 'json' | 'yaml' | 'toml' | 'csv' | 'tsv';

const BY_EXTENSION: Record<string, MetricsFormat> = {
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
  csv: 'csv',
  tsv: 'tsv',
};

/**
 * The format of a metrics or params file: by extension, else by looking at the text (files such as
 * `metrics`, `scores.txt` or `auc.metric` exist in real projects).
 */
export function detectFormat(file: string, text: string): MetricsFormat {
  const ext = /\.([A-Za-z]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const first = lines[0] ?? '';
  if (first.startsWith('{')) return 'json';
  // `[section]` is TOML; `[` followed by a value is a JSON array.
  if (/^\[\[?[A-Za-z0-9_."' -]+\]\]?$/.test(first)) return 'toml';
  if (first.startsWith('[')) return 'json';
  if (/^[A-Za-z0-9_."'-]+\s*=/.test(first)) return 'toml';
  if (first === '---' || /^[^,\t]*:(\s|$)/.test(first)) return 'yaml';
  if (first.includes('\t')) return 'tsv';
  if (first.includes(',')) return 'csv';
  return 'yaml';
}

/**
 * Reads a metrics or params file into a plain object. Non-finite numbers stay numbers (NaN,
 * ±Infinity) in every format. A file that is not what it claims to be throws a UserError naming the
 * file, line and column (1-based), so the adapter can annotate the spot.
 *
 * An empty file follows its format's grammar: empty YAML, TOML and CSV are valid and give no
 * metrics; empty JSON is invalid (most often a training script that died before writing).
 */
export function parseMetricsFile(text: string, file: string, format = detectFormat(file, text)): Record<string, unknown> {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  switch (format) {
    case 'json':
      value = parseJsonIn(body, file);
      break;
    case 'yaml':
      value = parseYaml(body, file);
      break;
    case 'toml':
      value = parseTomlFile(body, file);
      break;
    case 'csv':
      return parseTable(body, ',', file);
    case 'tsv':
      return parseTable(body, '\t', file);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : `a single ${typeof value}`;
    throw new UserError(`expected a mapping of names to values at the top level, found ${what}`, {
      file,
      line: 1,
      column: 1,
    });
  }
  return value as Record<string, unknown>;
}

function parseYaml(text: string, file: string): unknown {
  // `merge`: params files use `<<: *defaults` to share blocks between stages.
  return readYamlFile(text, file, { merge: true }).value;
}

function parseTomlFile(text: string, file: string): unknown {
  let value: unknown;
  try {
    // Integers beyond 2^53 (seeds, hashes) would otherwise be refused; they become bigints.
    value = parseToml(text, { integersAsBigInt: 'asNeeded' });
  } catch (e) {
    // smol-toml recurses into inline tables and arrays: thousands of levels overflow its stack.
    if (e instanceof RangeError) throw new UserError(`TOML nested too deep to read (${e.message})`, { file, line: 1, column: 1, cause: e });
    if (!(e instanceof TomlError)) throw e;
    const message = e.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
    throw new UserError(`invalid TOML: ${message}`, { file, line: e.line, column: e.column, cause: e });
  }
  if (deeperThan(value, MAX_JSON_DEPTH)) throw new UserError(`TOML nested deeper than ${MAX_JSON_DEPTH} levels`, { file, line: 1, column: 1 });
  return value;
}

/** Whether a parsed value nests deeper than `max`, walked without recursion. */
function deeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object' || v instanceof Date) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
