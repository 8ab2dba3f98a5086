import type { Problem } from '../errors.js';
import type { MetricRow } from '../metrics/diff.js';
import { validate as validateEntry } from './entry-schema.validate.js';

/**
 * One run of the default branch in the metrics history: the commit, when the run was, its run id
 * and the numeric metrics it measured, by file and flattened key. Non-numeric and non-finite
 * values are left out (JSON has no NaN; a trend of a string means nothing).
 */
export interface HistoryEntry {
  sha: string;
  /** ISO 8601: when the run recorded the entry. */
  time: string;
  runId?: number;
  metrics: Record<string, Record<string, number>>;
}

export const HISTORY_SCHEMA = 'mlci/history@1';

/** The history file on the branch: oldest entry first. */
export interface HistoryFile {
  schema: typeof HISTORY_SCHEMA;
  entries: HistoryEntry[];
}

/** What a history file held: the valid entries (oldest first) and a warning per entry skipped. */
export interface ReadEntries {
  entries: HistoryEntry[];
  problems: Problem[];
  /** True when the file is not a history at all (not JSON, another schema): it is never overwritten. */
  unreadable: boolean;
}

/** The largest history file read, and the most entries looked at: the branch is anyone-with-push's word. */
export const MAX_HISTORY_BYTES = 8 * 1024 * 1024;
export const MAX_HISTORY_ENTRIES = 1000;

/**
 * Reads a history file's text. Entries are checked one by one against the schema: a malformed
 * entry (hand-edited, from another version) is skipped with a warning, never a crash. A file that
 * is not a history at all says so (`unreadable`), and the caller then leaves it alone.
 */
export function parseHistory(text: string, where: string): ReadEntries {
  const warn = (message: string): Problem => ({ severity: 'warning', title: 'metrics history', message: `${where}: ${message}` });
  if (text.length > MAX_HISTORY_BYTES) return { entries: [], problems: [warn(`larger than ${MAX_HISTORY_BYTES} bytes: not read`)], unreadable: true };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { entries: [], problems: [warn(`not JSON (${(e as Error).message}): the history is not read and not overwritten`)], unreadable: true };
  }
  const file = json as Partial<HistoryFile> | null;
  if (!file || typeof file !== 'object' || file.schema !== HISTORY_SCHEMA || !Array.isArray(file.entries)) {
    return { entries: [], problems: [warn(`not a ${HISTORY_SCHEMA} file: the history is not read and not overwritten`)], unreadable: true };
  }
  const entries: HistoryEntry[] = [];
  const problems: Problem[] = [];
  const all = file.entries.slice(-MAX_HISTORY_ENTRIES);
  all.forEach((e, i) => {
    if (validateEntry(e) && Number.isFinite(Date.parse((e as HistoryEntry).time))) entries.push(e as HistoryEntry);
    else {
      const err = validateEntry.errors?.[0];
      const why = err ? `${err.instancePath || 'the entry'} ${err.message}` : 'its time is not a date';
      problems.push(warn(`entry ${file.entries!.length - all.length + i + 1} is malformed (${why}): skipped`));
    }
  });
  return { entries, problems, unreadable: false };
}

export function serializeHistory(entries: HistoryEntry[]): string {
  const file: HistoryFile = { schema: HISTORY_SCHEMA, entries };
  return JSON.stringify(file, null, 1) + '\n';
}

/** The entry for this run: the head side of the diff, numbers only. */
export function entryOf(rows: MetricRow[], o: { sha: string; time: string; runId?: number }): HistoryEntry {
  const metrics: HistoryEntry['metrics'] = {};
  for (const r of rows) {
    if (typeof r.head !== 'number' || !Number.isFinite(r.head)) continue;
    (metrics[r.file] ??= {})[r.key] = r.head;
  }
  return { sha: o.sha, time: o.time, ...(o.runId ? { runId: o.runId } : {}), metrics };
}

/**
 * The history with `entry` appended and only the newest `keep` kept (the retention rule). A run
 * recorded again (a re-run of the same commit) replaces its earlier entry rather than counting twice.
 */
export function appendEntry(entries: HistoryEntry[], entry: HistoryEntry, keep: number): HistoryEntry[] {
  const next = [...entries.filter((e) => e.sha !== entry.sha), entry];
  return keep > 0 ? next.slice(-keep) : next;
}
