import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Problem } from '../errors.js';
import { isUserError } from '../errors.js';
import { defaultBoundary, readContained } from '../files/contained.js';
import { resolveFiles } from '../files/globs.js';
import type { Files, FlatRecord } from './flatten.js';
import { parseMetricsFile } from './parse.js';

/**
 * A metric known as more than one number: repeated measurements (one per seed or fold), or
 * Bencher's value with its bounds. The flattened record holds the mean (or the value) at the key,
 * so everything that reads single values (min/max gates, charts, the baseline store) keeps
 * working; the distribution rides beside the record (see distributionsOf).
 */
/** A value with the bounds Bencher's format may give it (null: not given). */
export interface Bounded {
  value: number;
  lower: number | null;
  upper: number | null;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export type Distribution = { kind: 'values'; values: number[] } | ({ kind: 'bounds' } & Bounded);

// The distributions of a flattened record, kept beside it rather than in it: a record is a plain
// `key -> leaf` map that many modules read, and a WeakMap adds to it without changing its type.
const DISTRIBUTIONS = new WeakMap<FlatRecord, Record<string, Distribution>>();

/** The record with these distributions attached (the record itself, for chaining). */
export function withDistributions(record: FlatRecord, dists: Record<string, Distribution>): FlatRecord {
  if (Object.keys(dists).length > 0) DISTRIBUTIONS.set(record, dists);
  return record;
}

/** The distribution at `key` of a record, if it has one. */
export function distributionOf(record: FlatRecord | undefined, key: string): Distribution | undefined {
  if (!record) return undefined;
  const d = DISTRIBUTIONS.get(record);
  return d && Object.hasOwn(d, key) ? d[key] : undefined;
}

/** How many values stand behind a distribution (1 for Bencher's bounds: one measurement). */
export function sizeOf(d: Distribution | undefined): number | null {
  return d === undefined ? null : d.kind === 'values' ? d.values.length : 1;
}

const BOUND_KEYS = new Set(['value', 'lower_value', 'upper_value']);

/**
 * Bencher's metric format (https://bencher.dev/docs/reference/bencher-metric-format/):
 *
 *   {"bench name": {"latency": {"value": 88.0, "lower_value": 87.4, "upper_value": 88.6}}}
 *
 * A file is read that way when every benchmark maps measure names to objects holding a numeric
 * `value` and nothing but `lower_value` / `upper_value` besides. Each measure is one metric,
 * `bench name.latency`, whose value is the `value` and whose bounds are kept beside it. Any other
 * shape is an ordinary metrics file.
 */
export function readBencher(parsed: Record<string, unknown>): FlatRecord | undefined {
  const benches = Object.entries(parsed);
  if (benches.length === 0) return undefined;
  const record: FlatRecord = {};
  const dists: Record<string, Distribution> = {};
  for (const [bench, measures] of benches) {
    if (!isObject(measures) || Object.keys(measures).length === 0) return undefined;
    for (const [measure, m] of Object.entries(measures)) {
      if (!isObject(m) || typeof m.value !== 'number' || !Object.keys(m).every((k) => BOUND_KEYS.has(k))) return undefined;
      const bound = (v: unknown) => (typeof v === 'number' ? v : v === undefined || v === null ? null : NaN);
      const [lower, upper] = [bound(m.lower_value), bound(m.upper_value)];
      if (Number.isNaN(lower) || Number.isNaN(upper)) return undefined;
      const key = `${bench}.${measure}`;
      define(record, key, m.value);
      dists[key] = { kind: 'bounds', value: m.value, lower, upper };
    }
  }
  return withDistributions(record, dists);
}

/**
 * The values of one repeated-measurement file: a number is one value, a list of numbers is one
 * value per element (`{"accuracy": [0.91, 0.93, 0.92]}`), nested objects are named as flatten.ts
 * names them (`test.accuracy`). Strings, booleans and nulls are not measurements and are skipped.
 */
export function sampleValues(parsed: Record<string, unknown>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const push = (key: string, xs: number[]) => {
    const list = out.get(key);
    if (list) list.push(...xs);
    else out.set(key, [...xs]);
  };
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') return push(path, [v]);
    if (typeof v === 'bigint') return push(path, [Number(v)]);
    if (Array.isArray(v)) {
      if (v.length > 0 && v.every((x) => typeof x === 'number')) return push(path, v as number[]);
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
      return;
    }
    if (isObject(v) && !(v instanceof Date)) for (const k of Object.keys(v)) walk(v[k], path === '' ? k : `${path}.${k}`);
  };
  for (const k of Object.keys(parsed)) walk(parsed[k], k);
  return out;
}

/**
 * One record per `samples` entry (a file, or a glob matching one file per seed or fold), named by
 * the entry as written so the base and the head name it alike. Each key pools its values across
 * the matched files (in path order); the record holds their mean, the distribution rides beside.
 */
export function poolSamples(texts: Array<{ path: string; text: string }>): FlatRecord {
  const pooled = new Map<string, number[]>();
  for (const { path, text } of texts) {
    for (const [key, xs] of sampleValues(parseMetricsFile(text, path))) {
      const list = pooled.get(key);
      if (list) list.push(...xs);
      else pooled.set(key, xs);
    }
  }
  const record: FlatRecord = {};
  const dists: Record<string, Distribution> = {};
  for (const [key, values] of pooled) {
    define(record, key, mean(values));
    dists[key] = { kind: 'values', values };
  }
  return withDistributions(record, dists);
}

/** The head's repeated measurements: one record per entry of the `samples` input. */
export async function readSampleFiles(patterns: string[], workspace: string): Promise<{ files: Files; paths: string[]; byEntry: Map<string, string[]> }> {
  const files: Files = new Map();
  const paths: string[] = [];
  const byEntry = new Map<string, string[]>();
  for (const pattern of patterns) {
    const matched = (await resolveFiles([pattern], workspace, 'samples')).map((f) => relative(workspace, f).split(sep).join('/'));
    const texts = [];
    for (const path of matched) {
      texts.push({ path, text: await readContained(path, { input: 'samples', boundary: { ...defaultBoundary(), workspace } }, 'utf8') });
    }
    paths.push(...matched);
    byEntry.set(entryName(pattern, workspace), matched);
    files.set(entryName(pattern, workspace), poolSamples(texts));
  }
  return { files, paths, byEntry };
}

/**
 * The base side's repeated measurements, from the same entries: the head's files at their paths,
 * plus what a glob lists on the base side (its seeds may differ in number; a source that cannot
 * list, such as the contents API, finds the head's seeds only). An entry the base lacks is left out (its
 * metrics show as added); a base file that cannot be parsed is left out with a warning, as
 * readBaselineFiles does.
 */
export async function readBaselineSamples(
  source: SampleSource,
  patterns: string[],
  workspace: string,
  headPaths: Map<string, string[]> = new Map(),
): Promise<{ files: Files; problems: Problem[] }> {
  const files: Files = new Map();
  const problems: Problem[] = [];
  for (const pattern of patterns) {
    const name = entryName(pattern, workspace);
    const listed = /[*?[\]{}]/.test(pattern) ? await source.list([name]) : [name];
    const paths = [...new Set([...(headPaths.get(name) ?? []), ...listed])].sort();
    const texts = [];
    for (const path of paths) {
      const bytes = await source.read(path);
      if (bytes !== undefined) texts.push({ path, text: bytes.toString('utf8') });
    }
    if (texts.length === 0) continue;
    try {
      files.set(name, poolSamples(texts));
    } catch (e) {
      if (!isUserError(e)) throw e;
      problems.push({
        severity: 'warning',
        title: 'Baseline samples skipped',
        message: `the baseline's ${name} (${source.label}) cannot be read, compared as missing: ${e.message}${e.line ? ` in ${e.file} at line ${e.line}, column ${e.column}` : ''}`,
      });
    }
  }
  return { files, problems };
}

/** What readBaselineSamples needs of a baseline (baseline/source.ts's BaselineSource fits; metrics does not import baseline). */
export interface SampleSource {
  label: string;
  read(path: string): Promise<Buffer | undefined>;
  list(patterns: string[]): Promise<string[]>;
}

function entryName(pattern: string, workspace: string): string {
  return isAbsolute(pattern) ? relative(workspace, resolve(pattern)).split(sep).join('/') : pattern.split(sep).join('/').replace(/^\.\//, '');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function define(record: FlatRecord, key: string, value: number): void {
  // `__proto__` must stay an own key, as in flatten.ts.
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
