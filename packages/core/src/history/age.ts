import { UserError, type Problem } from '../errors.js';
import { escapeText } from '../section/escape.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * `max-baseline-age` as milliseconds: a whole number with a unit, `90m`, `36h`, `14d`, `2w`; empty
 * or `0` is no bound (undefined). Anything else is a UserError naming the input.
 */
export function parseMaxAge(text: string, input = 'max-baseline-age'): number | undefined {
  const t = text.trim();
  if (t === '' || t === '0') return undefined;
  const m = /^(\d{1,6})\s*([mhdw])$/i.exec(t);
  if (!m || Number(m[1]) === 0) {
    throw new UserError(`input "${input}": "${t}" is not an age: write a whole number and a unit, m (minutes), h, d or w, e.g. 14d`, { input });
  }
  return Number(m[1]) * UNITS[m[2].toLowerCase()];
}

/** `14 days`, `36 hours`: an age in the largest whole unit. */
export function ageInWords(ms: number): string {
  const [unit, size] = ms >= UNITS.d ? ['day', UNITS.d] : ms >= UNITS.h ? ['hour', UNITS.h] : ['minute', UNITS.m];
  const n = Math.floor(ms / size);
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export interface Staleness {
  /** The warning line for the section. */
  line: string;
  problem: Problem;
}

/**
 * Whether the baseline is older than the bound: its commit's date, else when it was saved, against
 * `now`. Undefined when it is not stale, or when no date is known (then nothing can be said, and
 * the report's opening line shows no age either).
 */
export function staleBaseline(o: { maxAge: number | undefined; commitDate?: string; savedAt?: string; now: Date; label: string }): Staleness | undefined {
  if (o.maxAge === undefined) return undefined;
  const when = o.commitDate ?? o.savedAt;
  const t = when ? Date.parse(when) : Number.NaN;
  if (!Number.isFinite(t)) return undefined;
  const age = o.now.getTime() - t;
  if (age <= o.maxAge) return undefined;
  const what = o.commitDate ? `${o.label} is a commit from ${ageInWords(age)} ago` : `${o.label} was saved ${ageInWords(age)} ago`;
  const message = `The baseline is stale: ${what}, more than max-baseline-age (${ageInWords(o.maxAge)}) allows. The deltas compare with an old state of the base branch.`;
  return { line: `> ⚠️ ${escapeText(message)}`, problem: { severity: 'warning', title: 'stale baseline', message } };
}
