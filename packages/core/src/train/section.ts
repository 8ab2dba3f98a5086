import { posix } from 'node:path';
import type { Files, Leaf } from '../metrics/flatten.js';
import { formatNumber } from '../metrics/format.js';
import { codeSpan, escapeCell, escapeText, table } from '../section/escape.js';
import type { NewSection, Status } from '../section/section.js';
import type { RunOrigin } from './entry.js';
import { formatChange, formatCost, type RunCost } from './cost.js';

/** What the section says about one training step. */
export interface TrainReport {
  id: string;
  command: string;
  workingDirectory: string;
  exitCode: number;
  timedOut?: { minutes: number };
  durationSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  /** False where there is no /proc: CPU and memory are not shown as figures. */
  measured: boolean;
  cache:
    | { kind: 'off' }
    | { kind: 'hit'; key: string; origin: RunOrigin; restoreSeconds?: number }
    | { kind: 'miss'; key: string; saved: 'saved' | 'not saved' | 'no cache service' | 'failed run' };
  metrics: Files;
  /** The last lines of the log, shown when the command failed. */
  logTail?: string;
  /** Why the step failed after a successful command (an output not written). */
  error?: string;
  artifact?: { name: string; id?: number };
  /** With a price per minute (`cost-per-minute`): what the run and the change cost. */
  cost?: RunCost;
}

export const TAIL_LINES = 40;
const NOT_MEASURED = 'not measured (no /proc on this system)';
const TAIL_CHARS = 6000;

/** `train`, or `train-<folder>` for a step in a working directory: two train steps keep two sections. */
export function trainSectionId(workingDirectory: string): string {
  const wd = workingDirectory.trim() === '' ? '.' : posix.normalize(workingDirectory.trim().replace(/\\/g, '/')).replace(/\/+$/, '');
  const name = wd.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return wd === '.' || name === '' ? 'train' : `train-${name}`;
}

export function trainSection(r: TrainReport): NewSection {
  const failed = r.exitCode !== 0 || r.error !== undefined;
  const status: Status = failed ? 'fail' : 'pass';
  const lines: string[] = [];
  const verdict = r.timedOut
    ? `**Timed out** after ${formatNumber(r.timedOut.minutes, 3)} min: the command and every process it started were killed.`
    : r.exitCode !== 0
      ? `**The command failed** with exit code ${r.exitCode}.`
      : r.error
        ? `**The command succeeded, but the step failed:** ${escapeText(r.error)}`
        : r.cache.kind === 'hit'
          ? `**Skipped: nothing changed.** Outputs, metrics and log were restored from the run-cache${r.cache.restoreSeconds !== undefined ? ` in ${seconds(r.cache.restoreSeconds)}` : ''}.`
          : '**Trained.**';
  lines.push(verdict, '');
  const rows: string[][] = [
    ['Command', codeSpan(r.command)],
    ...(r.workingDirectory !== '.' ? [['Working directory', codeSpan(r.workingDirectory)]] : []),
    ['Duration', seconds(r.durationSeconds)],
    ['CPU time', r.measured ? seconds(r.cpuSeconds) : NOT_MEASURED],
    ['Peak memory', !r.measured ? NOT_MEASURED : r.peakRssBytes > 0 ? megabytes(r.peakRssBytes) : 'not measured (the command ended before the first sample)'],
    ['Exit code', String(r.exitCode)],
    ['Run-cache', cacheCell(r)],
  ];
  if (r.cost) rows.push(...costRows(r.cost, r));
  if (r.artifact) rows.push(['Artifact', `${codeSpan(r.artifact.name)}${r.artifact.id !== undefined ? ` (id ${r.artifact.id})` : ''}`]);
  lines.push(table(['', r.cache.kind === 'hit' ? 'cached run' : 'this run'], rows, ['l', 'l']), '');
  if (r.metrics.size > 0) lines.push(metricsTable(r.metrics), '');
  if (failed && r.logTail !== undefined) {
    lines.push('<details open><summary>Last lines of the log</summary>', '', codeBlock(r.logTail), '', '</details>', '');
  }
  const what = r.cache.kind === 'hit' ? 'restored from the run-cache' : failed ? 'failed' : 'trained';
  const summary = r.timedOut
    ? `timed out after ${formatNumber(r.timedOut.minutes, 3)} min`
    : r.exitCode !== 0
      ? `failed: exit code ${r.exitCode}`
      : r.error
        ? `failed: ${r.error}`
        : `${what} in ${seconds(r.durationSeconds)}${r.measured && r.peakRssBytes > 0 ? `, peak memory ${megabytes(r.peakRssBytes)}` : ''}`;
  return {
    action: 'train',
    id: r.id,
    stage: 'training',
    title: 'Training',
    status,
    summary: summary.length > 200 ? summary.slice(0, 199) + '…' : summary,
    markdown: lines.join('\n'),
    data: {
      command: r.command,
      workingDirectory: r.workingDirectory,
      exitCode: r.exitCode,
      timedOut: r.timedOut !== undefined,
      durationSeconds: r.durationSeconds,
      cpuSeconds: r.measured ? r.cpuSeconds : null,
      peakMemoryBytes: r.measured && r.peakRssBytes > 0 ? r.peakRssBytes : null,
      cache: r.cache,
      cost: r.cost ?? null,
      metrics: Object.fromEntries([...r.metrics].map(([f, rec]) => [f, jsonSafe(rec)])),
    },
  };
}

/** The cost rows: this run's, and the change against the base run or why there is none to compare. */
function costRows(c: RunCost, r: TrainReport): string[][] {
  const price = `${formatNumber(c.perMinute)} per minute`;
  const run =
    c.cachedRun !== undefined && r.cache.kind === 'hit'
      ? `${formatCost(c.run)} (the restore, ${seconds(r.cache.restoreSeconds ?? 0)} at ${price}); the cached run's training cost ${formatCost(c.cachedRun)}`
      : `${formatCost(c.run)} (${seconds(r.durationSeconds)} at ${price})`;
  const change = c.base
    ? `${formatChange(c.base.change, c.base.cost)} against ${escapeCell(c.base.label)}: ${formatCost(c.base.cost)} (${seconds(c.base.durationSeconds)})`
    : `no base run to compare (${escapeCell(c.noBase ?? '')})`;
  return [
    ['Cost', run],
    ['Cost of the change', change],
  ];
}

function cacheCell(r: TrainReport): string {
  const c = r.cache;
  if (c.kind === 'off') return 'off';
  if (c.kind === 'miss') {
    const why = {
      saved: 'saved for the next run',
      'not saved': 'not saved (the entry exists or the cache refused it)',
      'no cache service': 'no cache service here',
      'failed run': 'not saved: the run failed',
    }[c.saved];
    return `miss, ${why}: ${codeSpan(c.key)}`;
  }
  const o = c.origin;
  const run = o.url ? `[run ${escapeText(o.id)}](${o.url})` : `run ${escapeText(o.id)}`;
  const sha = o.sha ? ` at ${codeSpan(o.sha.slice(0, 7))}` : '';
  return `hit: from ${run}${sha}, ${escapeText(shownTime(o.time))}: ${codeSpan(c.key)}`;
}

function metricsTable(files: Files): string {
  const many = files.size > 1;
  const rows: string[][] = [];
  for (const [file, rec] of files) {
    for (const [name, value] of Object.entries(rec)) rows.push([...(many ? [codeSpan(file)] : []), codeSpan(name), cellOf(value)]);
  }
  return table([...(many ? ['file'] : []), 'metric', 'value'], rows, [...(many ? (['l'] as const) : []), 'l', 'r']);
}

// A number as formatted is digits, sign, point and exponent: nothing to escape; anything else is data.
const cellOf = (v: Leaf) => (typeof v === 'number' ? formatNumber(v) : escapeCell(String(v)));
const jsonSafe = (rec: Record<string, Leaf>) =>
  Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? String(v) : v]));

/** `2026-01-31 14:05 UTC` from an ISO time; anything else as it is. */
const shownTime = (iso: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso);

export function seconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)} s` : s < 600 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
}

/** The last lines of a log, at most TAIL_LINES and TAIL_CHARS. */
export function logTail(text: string, lines = TAIL_LINES): string {
  const all = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  let tail = all.slice(-lines).join('\n');
  if (tail.length > TAIL_CHARS) tail = '…' + tail.slice(-TAIL_CHARS);
  return tail;
}

/**
 * A fenced code block showing `text` as it is: the fence is longer than any backtick run inside,
 * so the log cannot close it; inside a fence GitHub renders no markdown, no HTML and no mentions.
 * Control characters (terminal colours) are dropped.
 */
export function codeBlock(text: string): string {
  const clean = text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const longest = Math.max(2, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${clean}\n${fence}`;
}
