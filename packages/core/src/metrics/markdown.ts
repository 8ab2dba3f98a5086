import { codeSpan, escapeCell, escapeText, table } from '../section/escape.js';
import type { Status } from '../section/section.js';
import type { MetricRow, MetricsDiff, MetricStatus, ParamRow } from './diff.js';
import type { Leaf } from './flatten.js';
import { DEFAULT_PRECISION, formatChange, formatNumber } from './format.js';
import { gatesVerdict, type GateResult } from './gates.js';
import { INTERVAL_HEADER, intervalCell, sideCell, spreadNote } from './spread-markdown.js';

export interface RenderOptions {
  /** Significant digits shown (the diff's verdicts used the same). */
  precision?: number;
  /** Show unchanged metrics and params too (the action's `show-unchanged`). */
  showUnchanged?: boolean;
  /** What stands in place of the tables when no file has metrics (default `_No metrics found._`). */
  noMetrics?: string;
}

const VERDICT: Record<MetricStatus, string> = {
  improved: '🟢 improved',
  regressed: '🔴 regressed',
  unchanged: '⚪ unchanged',
  added: '🆕 added',
  removed: '➖ removed',
  changed: '🔵 changed',
  inconclusive: '🟡 inconclusive',
};

/**
 * The section body: one table per metrics file (metric, base, head, change, verdict), the params
 * that changed, and the gates. Every name and value from the user's files is escaped, so a metric
 * called `a|b <img> @team` renders as that text.
 */
export function renderMetricsMarkdown(diff: MetricsDiff, opts: RenderOptions = {}): string {
  const precision = opts.precision ?? DEFAULT_PRECISION;
  const parts: string[] = [];
  if (!diff.baseline) parts.push('_No baseline to compare with: showing head values only._');
  if (diff.gates.length > 0) parts.push(renderGates(diff.gates, new Set(diff.metrics.map((r) => r.file)).size > 1));

  const byFile = groupBy(diff.metrics, (r) => r.file);
  for (const [file, rows] of byFile) parts.push(renderFile(file, rows, diff.baseline, precision, !!opts.showUnchanged));
  if (byFile.size === 0) parts.push(opts.noMetrics ?? '_No metrics found._');
  const numeric = diff.metrics.filter((r) => isNumber(r.head ?? r.base));
  const informational = numeric.some((r) => r.direction === 'none');
  if (numeric.some((r) => r.inferred)) {
    parts.push(
      `<sub>↑ higher is better, ↓ lower is better${informational ? ', ○ informational (never improved or regressed)' : ''}; * guessed from the name: set \`direction\` in the gates file to fix a wrong guess (\`none\` for a metric that is only informational).</sub>`,
    );
  } else if (informational) {
    parts.push('<sub>○ informational (direction none): shown with its change, never counted as improved or regressed.</sub>');
  }

  const params = renderParams(diff.params, !!opts.showUnchanged);
  if (params) parts.push(params);
  return parts.join('\n\n') + '\n';
}

/** One line for the section's summary: what moved, and whether the gates passed. */
export function summarizeMetricsDiff(diff: MetricsDiff): string {
  const count = (s: MetricStatus) => diff.metrics.filter((r) => r.status === s).length;
  const moves = diff.baseline
    ? (['regressed', 'improved', 'inconclusive', 'changed', 'added', 'removed'] as const)
        .map((s) => [count(s), s] as const)
        .filter(([n]) => n > 0)
        .map(([n, s]) => `${n} ${s}`)
    : [`${diff.metrics.length} metric${diff.metrics.length === 1 ? '' : 's'}, no baseline`];
  const text = moves.length > 0 ? moves.join(', ') : 'no change';
  const changedParams = diff.params.filter((p) => p.status !== 'unchanged').length;
  const params = changedParams > 0 ? `; ${changedParams} param${changedParams === 1 ? '' : 's'} changed` : '';
  return text + params + gatesSummary(diff.gates);
}

/** The gates in a few words; never "passed" for gates that were not evaluated. */
function gatesSummary(gates: GateResult[]): string {
  const n = (outcome: GateResult['outcome']) => gates.filter((g) => g.outcome === outcome).length;
  const plural = (k: number) => `${k} gate${k === 1 ? '' : 's'}`;
  switch (gatesVerdict(gates)) {
    case 'none':
      return '';
    case 'failed':
      return `; ${plural(n('failed'))} failed`;
    case 'nothing checked':
      return n('inconclusive') > 0
        ? `; gates: nothing decided (${plural(n('inconclusive'))} inconclusive${n('not evaluated') > 0 ? `, ${n('not evaluated')} not evaluated` : ''})`
        : `; gates: nothing checked (${plural(gates.length)} not evaluated)`;
    case 'incomplete':
      return `; ${plural(n('passed'))} passed, ${notDecided(n('inconclusive'), n('not evaluated'))}`;
    case 'passed':
      return '; gates passed';
  }
}

/**
 * fail when a gate failed; warn when a gate was not evaluated or a metric regressed; info when
 * there was no baseline and nothing else to say (nothing was compared, so nothing passed); else pass.
 */
export function metricsStatus(diff: MetricsDiff): Status {
  const verdict = gatesVerdict(diff.gates);
  if (verdict === 'failed') return 'fail';
  if (verdict === 'nothing checked' || verdict === 'incomplete') return 'warn';
  if (diff.metrics.some((r) => r.status === 'regressed')) return 'warn';
  return diff.baseline || verdict === 'passed' ? 'pass' : 'info';
}

function renderFile(file: string, rows: MetricRow[], baseline: boolean, precision: number, showUnchanged: boolean): string {
  const title = `**${codeSpan(file)}**`;
  const spread = rows.some((r) => r.spread);
  const side = (r: MetricRow, which: 'base' | 'head') => sideCell(r[which], r.spread?.[which], precision) ?? valueCell(r[which], precision);
  if (!baseline) {
    const body = rows.map((r) => [metricCell(r), side(r, 'head')]);
    return `${title}\n\n${table(['Metric', 'Value'], body, ['l', 'r'])}`;
  }
  const shown = showUnchanged ? rows : rows.filter((r) => r.status !== 'unchanged');
  const hidden = rows.length - shown.length;
  if (shown.length === 0) return `${title}: all ${rows.length} metric${rows.length === 1 ? '' : 's'} unchanged.`;
  const body = shown.map((r) => [
    metricCell(r),
    r.status === 'added' ? '—' : side(r, 'base'),
    r.status === 'removed' ? '—' : side(r, 'head'),
    r.delta === null ? '—' : formatChange(r.delta, r.relative, precision),
    ...(spread ? [intervalCell(r, precision)] : []),
    VERDICT[r.status],
  ]);
  const note = hidden > 0 ? `\n\n<sub>${hidden} unchanged metric${hidden === 1 ? '' : 's'} not shown.</sub>` : '';
  const [headers, align] = spread
    ? [['Metric', 'Base', 'Head', 'Change', INTERVAL_HEADER, 'Verdict'], ['l', 'r', 'r', 'r', 'r', 'l'] as const]
    : [['Metric', 'Base', 'Head', 'Change', 'Verdict'], ['l', 'r', 'r', 'r', 'l'] as const];
  const spreadText = spread ? `\n\n${spreadNote(shown)}` : '';
  return `${title}\n\n${table(headers, body, [...align])}${note}${spreadText}`;
}

const ARROW = { higher: '↑', lower: '↓', none: '○' } as const;

function metricCell(r: MetricRow): string {
  if (!isNumber(r.head ?? r.base)) return codeSpan(r.key);
  return `${codeSpan(r.key)} ${ARROW[r.direction]}${r.inferred ? '\\*' : ''}`;
}

function renderParams(rows: ParamRow[], showUnchanged: boolean): string | undefined {
  const order = { changed: 0, added: 1, removed: 2, unchanged: 3 } as const;
  const shown = rows.filter((r) => showUnchanged || r.status !== 'unchanged').sort((a, b) => order[a.status] - order[b.status]);
  if (shown.length === 0) return rows.length > 0 ? `**Params**: all ${rows.length} unchanged.` : undefined;
  const manyFiles = new Set(rows.map((r) => r.file)).size > 1;
  const label = { changed: 'changed', added: '🆕 added', removed: '➖ removed', unchanged: 'unchanged' } as const;
  const body = shown.map((r) => [
    ...(manyFiles ? [codeSpan(r.file)] : []),
    codeSpan(r.key),
    r.status === 'added' ? '—' : paramCell(r.base),
    r.status === 'removed' ? '—' : paramCell(r.head),
    label[r.status],
  ]);
  const headers = [...(manyFiles ? ['File'] : []), 'Param', 'Base', 'Head', ''];
  const align = [...(manyFiles ? (['l'] as const) : []), 'l', 'l', 'l', 'l'] as const;
  const title = manyFiles ? '**Params**' : `**Params** (${codeSpan(rows[0].file)})`;
  return `${title}\n\n${table(headers, body, [...align])}`;
}

/** `2 inconclusive, 1 not evaluated`: the gates that were not decided, by why. */
function notDecided(inconclusive: number, notEvaluated: number): string {
  return [inconclusive > 0 ? `${inconclusive} inconclusive` : '', notEvaluated > 0 ? `${notEvaluated} not evaluated` : ''].filter(Boolean).join(', ');
}

function renderGates(gates: GateResult[], manyFiles: boolean): string {
  const of = (outcome: GateResult['outcome']) => gates.filter((g) => g.outcome === outcome);
  const [failed, passed, undecided, unevaluated] = [of('failed'), of('passed'), of('inconclusive'), of('not evaluated')];
  const rest = undecided.length + unevaluated.length > 0 ? `, ${notDecided(undecided.length, unevaluated.length)}` : '';
  const head =
    failed.length > 0
      ? `**Gates**: ${failed.length} of ${gates.length} failed${rest}`
      : passed.length === 0
        ? undecided.length > 0
          ? `**Gates**: nothing decided (${rest.slice(2)})`
          : `**Gates**: nothing checked (${gates.length} not evaluated)`
        : unevaluated.length + undecided.length > 0
          ? `**Gates**: ${passed.length} passed${rest}`
          : '**Gates**: passed';
  const lines = [...failed, ...passed, ...undecided, ...unevaluated].map((g) => {
    const icon = g.outcome === 'failed' ? '❌' : g.outcome === 'not evaluated' ? '⚠️' : g.outcome === 'inconclusive' ? '🟡' : '✅';
    const where = manyFiles && g.file ? ` in ${codeSpan(g.file)}` : '';
    return `- ${icon} ${codeSpan(g.key)}${where} ${escapeText(g.rule)}: ${escapeText(g.message)}`;
  });
  return `${head}\n\n${lines.join('\n')}`;
}

/** Metric values are rounded for reading; params are shown exactly (a learning rate is a choice). */
function valueCell(v: Leaf, precision: number): string {
  if (typeof v === 'number') return formatNumber(v, precision);
  return escapeCell(v === null ? 'null' : String(v));
}

function paramCell(v: Leaf): string {
  if (typeof v === 'string') return escapeCell(v === '' ? '""' : v);
  // Digits, `.`, `-`, `e`, true/false/null: nothing markdown could misread inside a cell.
  return String(v);
}

function isNumber(v: Leaf): boolean {
  return typeof v === 'number';
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
