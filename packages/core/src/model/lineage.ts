import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultBoundary, outsideReason, realpathLenient } from '../files/contained.js';
import { resolveFiles } from '../files/globs.js';
import type { FlatRecord } from '../metrics/flatten.js';
import { readMetricsFiles } from '../metrics/load.js';
import { readSections } from '../section/section.js';
import { hashFile } from './package.js';

/** Where the model came from, for the manifest and the card. */
export interface Lineage {
  commit?: string;
  runUrl?: string;
  repository?: string;
  /** The data files validate-data checked in this job, with their rows and SHA-256. */
  data: Array<{ file: string; rows?: number; size?: number; sha256?: string; passed?: boolean }>;
  /** Metrics by file (the `metrics` input, else the head side of compare-metrics' diff). */
  metrics: Record<string, FlatRecord>;
  /** Params by file (the `params` input, else the head side of compare-metrics' diff). */
  params: Record<string, FlatRecord>;
  /** compare-metrics' diff JSON, as it wrote it. */
  diff?: { verdict?: string; passed?: boolean; metrics?: Array<Record<string, unknown>>; baseline?: unknown };
  /** train's train.json, when a train step wrote one. */
  training?: Record<string, unknown>;
}

export interface LineageRequest {
  workspace: string;
  reportDir: string;
  metrics: string[];
  params: string[];
  commit?: string;
  runUrl?: string;
  repository?: string;
}

async function json(path: string): Promise<any | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function bySide(rows: Array<{ file: string; key: string; head: unknown }> | undefined): Record<string, FlatRecord> {
  const out: Record<string, FlatRecord> = {};
  for (const r of rows ?? []) {
    if (r.head === undefined || r.head === null) continue;
    (out[r.file] ??= {})[r.key] = r.head as FlatRecord[string];
  }
  return out;
}

/**
 * Reads what the job's earlier mlci steps left in the report directory: validate-data's result
 * (its data files are hashed here: the result records rows, not bytes), compare-metrics' diff
 * JSON and train's train.json. A step that did not run leaves nothing, and nothing is claimed.
 */
export async function readLineage(r: LineageRequest): Promise<Lineage> {
  const sections = await readSections(r.reportDir).catch(() => []);
  const lineage: Lineage = { commit: r.commit, runUrl: r.runUrl, repository: r.repository, data: [], metrics: {}, params: {} };
  const boundary = defaultBoundary();
  for (const s of sections) {
    if (s.action === 'validate-data' && s.data && typeof s.data === 'object') {
      const result = s.data as { passed?: boolean; files?: Array<{ file: string; rows?: number }> };
      for (const f of result.files ?? []) {
        const real = realpathLenient(join(r.workspace, f.file));
        const hashed = outsideReason(real, { ...boundary, workspace: r.workspace }) ? undefined : await hashFile(real).catch(() => undefined);
        lineage.data.push({ file: f.file, rows: f.rows, passed: result.passed, ...(hashed ?? {}) });
      }
    } else if (s.action === 'compare-metrics') {
      const diff = await json(join(r.reportDir, s.id, 'diff.json'));
      if (diff) {
        lineage.diff = diff;
        lineage.metrics = { ...lineage.metrics, ...bySide(diff.metrics) };
        lineage.params = { ...lineage.params, ...bySide(diff.params) };
      }
    } else if (s.action === 'train') {
      const training = await json(join(r.reportDir, s.id, 'train.json'));
      if (training) lineage.training = training;
    }
  }
  // What the user names wins over what an earlier step saw.
  if (r.metrics.length > 0)
    lineage.metrics = Object.fromEntries(await readMetricsFiles(await resolveFiles(r.metrics, r.workspace, 'metrics'), r.workspace, 'metrics'));
  if (r.params.length > 0)
    lineage.params = Object.fromEntries(await readMetricsFiles(await resolveFiles(r.params, r.workspace, 'params'), r.workspace, 'params'));
  return lineage;
}
