import picomatch from 'picomatch';
import { UserError, type Problem } from '../errors.js';
import { parseYamlWithSchema, type SchemaViolation } from '../files/yaml-schema.js';
import { validate as validateGates } from './gates-schema.validate.js';
import type { Direction } from './direction.js';
import type { MetricRow } from './diff.js';
import { DEFAULT_PRECISION, formatNumber, formatPercent } from './format.js';
import { checkImprovement, checkInterval, limitName, type Limit } from './interval-gates.js';

/**
 * `.mlci/gates.yml`:
 *
 *   metrics:
 *     "roc_auc.test": { direction: higher, min: 0.90, max-regression: 0.01 }
 *     "*.loss":       { direction: lower, max-regression: "2%" }
 *     "latency_ms":   { max: 50, required: true }
 *
 * A pattern names flattened keys: it matches a key equal to it, or as a glob (picomatch) in which
 * `*` matches any run of characters, dots and slashes included: `*.loss` matches `train.loss` and
 * `eval.val.loss`, not `val_loss`; `*loss` matches all three. `[2]` and `[*]` are array indexes
 * (`layers[*].units` matches `layers[0].units`); other brackets, `?` and `{a,b}` work as in shell
 * globs.
 *
 *   direction       higher | lower: overrides the guess from the name (first matching rule wins;
 *                   a pattern equal to the key wins over globs); none: informational (a count, a
 *                   timing): shown with its change, never improved or regressed
 *   min, max        absolute bounds on the head value
 *   max-regression  the largest move allowed in the worse direction: a number is absolute,
 *                   "2%" is relative to |base|; not evaluated without a baseline
 *   min-improvement (extension) the smallest move required in the better direction, written
 *                   like max-regression
 *   confidence      (extension) for a metric with several values per side (the `samples` input:
 *                   seeds, folds; Bencher's bounds), max-regression and min-improvement are
 *                   judged on the interval for the change at this level (0.95 when not set):
 *                   `max-regression: 0.01, confidence: 0.95` fails only when the metric regressed
 *                   by more than 0.01 with 95% confidence, passes when the whole interval is
 *                   within 0.01, and is otherwise "inconclusive", which is never a pass (see
 *                   interval-gates.ts). A rule that sets confidence is not evaluated on single
 *                   values; one that does not checks them on the raw change. min and max bound
 *                   the head's mean.
 *   required        (extension) the metric must exist in head: a rule that matches nothing, or a
 *                   key that disappeared, fails
 * A check that cannot be made (no baseline, a new metric, a rule that matches no key) is "not
 * evaluated": never a pass, never a failure. A rule that matches no key is also a warning at its
 * line (a typo must be visible). A key that disappeared fails every bound that names it.
 */
export interface GateRule {
  pattern: string;
  direction?: Direction;
  min?: number;
  max?: number;
  maxRegression?: Limit;
  minImprovement?: Limit;
  /** The confidence level of interval checks (0 < c < 1). */
  confidence?: number;
  required?: boolean;
  /** Where the rule is written, for messages. */
  line?: number;
  column?: number;
}

export interface GateRules {
  /** The gates file, for messages. */
  file?: string;
  metrics: GateRule[];
}

export interface GateResult {
  /** The metric key; the rule's pattern when no key matched. */
  key: string;
  /** `min 0.9`, `max 50`, `max-regression 0.01`, `max-regression 2%`, `required`. */
  rule: string;
  /**
   * `not evaluated` when the check could not be made: no baseline, nothing matched, a new metric;
   * `inconclusive` when it was made on an interval that straddles the limit (never a pass).
   */
  outcome: GateOutcome;
  message: string;
  /** The metrics file the key is in (absent when no key matched). */
  file?: string;
}

export type GateOutcome = 'passed' | 'failed' | 'not evaluated' | 'inconclusive';

/**
 * The gates as one word: `none` without gates; `failed` when any failed; `nothing checked` when
 * none could be evaluated; `incomplete` when some passed and others were not evaluated (or were
 * inconclusive); `passed`
 * only when every gate was evaluated and passed.
 */
export type GatesVerdict = 'none' | 'passed' | 'failed' | 'incomplete' | 'nothing checked';

export function gatesVerdict(gates: GateResult[]): GatesVerdict {
  if (gates.length === 0) return 'none';
  if (gates.some((g) => g.outcome === 'failed')) return 'failed';
  const evaluated = gates.filter((g) => g.outcome === 'passed').length;
  if (evaluated === 0) return 'nothing checked';
  return evaluated < gates.length ? 'incomplete' : 'passed';
}

export const NO_RULES: GateRules = { metrics: [] };

/** Reads a gates file; a rule that does not fit the shape above is a UserError at its line. */
export function parseGates(text: string, file: string): GateRules {
  const yaml = parseYamlWithSchema(text, file, validateGates, (v) => `invalid gates: ${describe(v)}`);
  const at = (path: string[], key?: boolean) => yaml.placeOf(path, key);
  const metrics = ((yaml.value as { metrics?: Record<string, Record<string, unknown>> | null }).metrics ?? {}) as Record<string, Record<string, unknown>>;
  const rules: GateRule[] = [];
  for (const [pattern, spec] of Object.entries(metrics)) {
    const where = at(['metrics', pattern], true);
    const rule: GateRule = { pattern, line: where.line, column: where.column };
    if (spec.direction !== undefined) rule.direction = spec.direction as Direction;
    if (spec.min !== undefined) rule.min = spec.min as number;
    if (spec.max !== undefined) rule.max = spec.max as number;
    if (spec.required !== undefined) rule.required = spec.required as boolean;
    const limit = (v: unknown): Limit | undefined =>
      typeof v === 'number' ? { value: v, relative: false } : typeof v === 'string' ? { value: parseFloat(v) / 100, relative: true } : undefined;
    rule.maxRegression = limit(spec['max-regression']);
    rule.minImprovement = limit(spec['min-improvement']);
    if (spec.confidence !== undefined) rule.confidence = spec.confidence as number;
    for (const [name, set] of [
      ['max-regression', rule.maxRegression],
      ['min-improvement', rule.minImprovement],
    ] as const) {
      if (rule.direction === 'none' && set) {
        throw new UserError(
          `invalid gates: "${pattern}" is informational (direction: none), so it has no ${name === 'max-regression' ? 'worse' : 'better'} direction for ${name}`,
          at(['metrics', pattern, name], true),
        );
      }
    }
    if (rule.confidence !== undefined && !rule.maxRegression && !rule.minImprovement) {
      throw new UserError(
        `invalid gates: "${pattern}" sets confidence without max-regression or min-improvement to apply it to`,
        at(['metrics', pattern, 'confidence'], true),
      );
    }
    if (!rule.maxRegression) delete rule.maxRegression;
    if (!rule.minImprovement) delete rule.minImprovement;
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
      throw new UserError(`invalid gates: "${pattern}" has min ${rule.min} above max ${rule.max}`, at(['metrics', pattern, 'min']));
    }
    rules.push(rule);
  }
  return { file, metrics: rules };
}

function describe(v: SchemaViolation): string {
  const path = v.path.map(String);
  const name = (segments: string[]) => (segments.length === 0 ? 'the top level' : segments.map((s, i) => (i === 1 ? JSON.stringify(s) : s)).join('.'));
  if (v.keyword === 'additionalProperties') {
    const parent = path.slice(0, -1);
    const allowed = parent.length === 0 ? 'metrics' : 'direction, min, max, max-regression, min-improvement, confidence, required';
    return `unknown setting "${path.at(-1)}" in ${name(parent)} (allowed: ${allowed})`;
  }
  if (path.at(-1) === 'max-regression' || path.at(-1) === 'min-improvement') return `${name(path)} must be a number ≥ 0 or a percentage such as "2%"`;
  if (path.at(-1) === 'confidence') return `${name(path)} must be a level between 0 and 1, such as 0.95`;
  if (v.keyword === 'enum') return `${name(path)} must be one of ${(v.params.allowedValues as string[]).join(', ')}`;
  if (path.length === 2 && v.keyword === 'type') return `${name(path)} must be a mapping of settings, e.g. { min: 0.9 }`;
  return `${name(path)} ${v.message}`;
}

// `/` becomes a plain character for picomatch, so that `*` crosses it like any other.
const SLASH = '\u001f';

interface CompiledRule extends GateRule {
  matches: (key: string) => boolean;
}

/**
 * Whether a flattened key is named by a pattern as the gates file names keys: equal to it, or as a
 * glob in which `*` also crosses `/` and `.`, and `[2]` / `[*]` are array indexes.
 */
export function keyPattern(pattern: string): (key: string) => boolean {
  // `[2]` and `[*]` are array indexes in a flattened key, not character classes.
  const glob = pattern.replaceAll('/', SLASH).replace(/\[(\d+|\*)\]/g, '\\[$1\\]');
  // The bare regular expression: picomatch's matcher function does path work keys do not need.
  const re = picomatch.makeRe(glob, { dot: true, windows: false });
  return (key) => key === pattern || re.test(key.includes('/') ? key.replaceAll('/', SLASH) : key);
}

function compile(rule: GateRule): CompiledRule {
  return { ...rule, matches: keyPattern(rule.pattern) };
}

/** The direction the rules set for a key, or undefined when none does (then it is inferred). */
export function directionRule(rules: GateRules): (key: string) => Direction | undefined {
  const withDirection = rules.metrics.filter((r) => r.direction !== undefined);
  if (withDirection.length === 0) return () => undefined;
  const exact = new Map<string, Direction>();
  for (const r of withDirection) if (!exact.has(r.pattern)) exact.set(r.pattern, r.direction!);
  const globs = withDirection.map(compile);
  return (key) => exact.get(key) ?? globs.find((r) => r.matches(key))?.direction;
}

export interface GateOptions {
  /** False when there was no baseline: regression rules are then skipped. */
  baseline: boolean;
  precision?: number;
}

/** Checks every rule against every metric row it matches, in the order of the gates file. */
export function evaluateGates(rows: MetricRow[], rules: GateRules, opts: GateOptions): GateResult[] {
  const precision = opts.precision ?? DEFAULT_PRECISION;
  const results: GateResult[] = [];
  for (const rule of rules.metrics.map(compile)) {
    const matched = rows.filter((r) => rule.matches(r.key));
    const hasBounds = rule.min !== undefined || rule.max !== undefined || rule.maxRegression !== undefined || rule.minImprovement !== undefined;
    if (rule.required) {
      const missing = matched.filter((r) => r.status === 'removed');
      const present = matched.filter((r) => r.status !== 'removed');
      const passed = present.length > 0 && missing.length === 0;
      const message =
        matched.length === 0
          ? `no metric matches "${rule.pattern}"`
          : missing.length > 0
            ? `missing from head: ${missing.map((r) => r.key).join(', ')}`
            : present.length === 1
              ? 'present'
              : `${present.length} metrics present`;
      results.push({ key: present.length === 1 && passed ? present[0].key : rule.pattern, rule: 'required', outcome: passed ? 'passed' : 'failed', message });
    }
    if (matched.length === 0) {
      // `required` has already failed for this; one message is enough.
      if (hasBounds && !rule.required) {
        results.push({
          key: rule.pattern,
          rule: ruleNames(rule).join(', '),
          outcome: 'not evaluated',
          message: `not evaluated: no metric matches "${rule.pattern}"`,
        });
      }
      continue;
    }
    for (const row of matched) {
      const at = { key: row.key, file: row.file };
      const head = row.head;
      const headProblem =
        row.status === 'removed'
          ? 'missing from head'
          : typeof head !== 'number'
            ? `head is not a number (${JSON.stringify(head)})`
            : Number.isNaN(head)
              ? 'head is NaN'
              : undefined;
      if (rule.min !== undefined) {
        const name = `min ${exact(rule.min)}`;
        if (headProblem) results.push({ ...at, rule: name, outcome: 'failed', message: headProblem });
        else {
          const passed = !below(head as number, rule.min);
          const [h, m] = [shownAgainst(head as number, rule.min, precision), exact(rule.min)];
          results.push({ ...at, rule: name, outcome: verdict(passed), message: passed ? `${h} ≥ ${m}` : `${h} is below the minimum ${m}` });
        }
      }
      if (rule.max !== undefined) {
        const name = `max ${exact(rule.max)}`;
        if (headProblem) results.push({ ...at, rule: name, outcome: 'failed', message: headProblem });
        else {
          const passed = !below(rule.max, head as number);
          const [h, m] = [shownAgainst(head as number, rule.max, precision), exact(rule.max)];
          results.push({ ...at, rule: name, outcome: verdict(passed), message: passed ? `${h} ≤ ${m}` : `${h} is above the maximum ${m}` });
        }
      }
      if (rule.maxRegression !== undefined) {
        const check = opts.baseline && !headProblem ? checkInterval(row, 'max-regression', rule.maxRegression, rule.confidence) : undefined;
        results.push({ ...at, ...(check ?? checkRegression(row, rule.maxRegression, opts.baseline, headProblem, precision)) });
      }
      if (rule.minImprovement !== undefined) {
        const check = opts.baseline && !headProblem ? checkInterval(row, 'min-improvement', rule.minImprovement, rule.confidence) : undefined;
        results.push({ ...at, ...(check ?? checkImprovement(row, rule.minImprovement, opts.baseline, headProblem)) });
      }
    }
  }
  return results;
}

/**
 * A warning at the line of each rule that matches no metric: a typo in a pattern would otherwise
 * leave a gate silently unchecked.
 */
export function unmatchedRules(rows: MetricRow[], rules: GateRules): Problem[] {
  const keys = [...new Set(rows.map((r) => r.key))];
  const problems: Problem[] = [];
  for (const rule of rules.metrics.map(compile)) {
    if (keys.some(rule.matches)) continue;
    const some = keys
      .slice(0, 3)
      .map((k) => `"${k}"`)
      .join(', ');
    const hint = keys.length === 0 ? 'there are no metrics' : `the metrics are named like ${some}${keys.length > 3 ? ', …' : ''}`;
    problems.push({
      severity: 'warning',
      title: 'Gate rule matches no metric',
      message: `gate rule "${rule.pattern}" matches no metric, so it checks nothing (${hint})`,
      ...(rules.file ? { file: rules.file } : {}),
      ...(rule.line ? { line: rule.line, column: rule.column } : {}),
    });
  }
  return problems;
}

function verdict(passed: boolean): GateOutcome {
  return passed ? 'passed' : 'failed';
}

function ruleNames(rule: GateRule): string[] {
  const names: string[] = [];
  if (rule.min !== undefined) names.push(`min ${exact(rule.min)}`);
  if (rule.max !== undefined) names.push(`max ${exact(rule.max)}`);
  if (rule.maxRegression) names.push(regressionName(rule.maxRegression));
  if (rule.minImprovement) names.push(`min-improvement ${limitName(rule.minImprovement)}`);
  return names;
}

function regressionName(mr: { value: number; relative: boolean }): string {
  return mr.relative ? `max-regression ${exact(mr.value * 100)}%` : `max-regression ${exact(mr.value)}`;
}

function checkRegression(
  row: MetricRow,
  mr: { value: number; relative: boolean },
  baseline: boolean,
  headProblem: string | undefined,
  precision: number,
): Omit<GateResult, 'key' | 'file'> {
  const rule = regressionName(mr);
  const skip = (why: string) => ({ rule, outcome: 'not evaluated' as const, message: `not evaluated: ${why}` });
  if (!baseline) return skip('no baseline');
  if (row.direction === 'none') return skip('the metric is informational (direction none)');
  if (row.status === 'added') return skip('new metric, no base value');
  if (headProblem) return { rule, outcome: 'failed', message: headProblem };
  const base = row.base;
  if (typeof base !== 'number') return skip('base is not a number');
  if (Number.isNaN(base)) return skip('base is NaN');
  const head = row.head as number;
  const worse = row.direction === 'higher' ? base - head : head - base;
  const allowed = mr.relative ? mr.value * Math.abs(base) : mr.value;
  const fmt = (x: number) => formatNumber(x, precision);
  const moved = (x: number) => {
    const rel = base !== 0 && Number.isFinite(x) ? ` (${formatPercent(x / Math.abs(base), precision).replace(/^[+-]/, '')})` : '';
    return `${fmt(x)}${rel}`;
  };
  // Float noise (0.92 − 0.91 is 0.010000000000000009) is no move at all.
  const noise = Math.max(Math.abs(base), Math.abs(head)) * 1e-12;
  if (!(worse > noise)) {
    return { rule, outcome: 'passed', message: worse < -noise ? `improved by ${moved(-worse)}` : 'no regression' };
  }
  const limit = mr.relative ? `${exact(mr.value * 100)}% = ${fmt(allowed)}` : exact(allowed);
  const passed = !below(allowed, worse);
  return {
    rule,
    outcome: verdict(passed),
    message: passed ? `regressed by ${moved(worse)}, within the allowed ${limit}` : `regressed by ${moved(worse)}, more than the allowed ${limit}`,
  };
}

/**
 * a < b beyond float noise: 0.92 − 0.91 is 0.010000000000000009, which must not fail a 0.01 limit.
 * Twelve significant digits are far below any precision a metric is reported with.
 */
function below(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a < b;
  const scale = Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
  return b - a > scale * 1e-12;
}

/** A number the user wrote (a bound, a limit): as written, up to float noise. */
function exact(x: number): string {
  return formatNumber(x, 15);
}

/** A value at the shown precision, or with more digits when it would look equal to the bound. */
function shownAgainst(value: number, bound: number, precision: number): string {
  const target = exact(bound);
  for (let p = precision; p <= 17; p++) {
    const shown = formatNumber(value, p);
    if (shown !== target || value === bound) return shown;
  }
  return formatNumber(value, 17);
}
