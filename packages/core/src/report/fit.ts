import { PART_SEPARATOR, STATUS_ICON, type ComposedReport, type SectionPart } from './compose.js';
import { escapeHtml, escapeText } from './escape.js';
import { STAGE_ORDER, STATUS_RANK } from './section.js';

/**
 * Fits a composed report into a size limit: GitHub refuses a comment over 65,536 characters and
 * drops a step summary over 1 MiB. Folding makes a long report readable; cutting makes it fit,
 * least important sections first, always with a visible note.
 */

export interface FitOptions {
  /** The limit, in the unit of `measure`. */
  limit: number;
  /**
   * The size of a body. Defaults to UTF-16 code units (`string.length`), which is never less
   * than the count of characters (code points) GitHub applies; use measureUtf8Bytes for limits
   * in bytes such as the step summary's.
   */
  measure?: (s: string) => number;
  /**
   * Kept free below the limit (default 64 units), in case the server counts or normalises a
   * little differently from us (line endings, Unicode normalisation).
   */
  margin?: number;
  /** Where the reader finds what was cut (the run's job summary, an artifact). */
  fullReportUrl?: string;
}

export interface FitResult {
  body: string;
  /** True when anything was cut. */
  truncated: boolean;
  /** Ids of sections shown inside `<details>`. */
  folded: string[];
  /** Ids of sections whose body was removed or shortened. */
  cut: string[];
}

export const measureUtf16 = (s: string): number => s.length;
export const measureUtf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

type View = { mode: 'full' } | { mode: 'folded' } | { mode: 'cut' } | { mode: 'partial'; lines: number; folded: boolean };

export function fitReport(report: ComposedReport, opts: FitOptions): FitResult {
  const measure = opts.measure ?? measureUtf16;
  const budget = opts.limit - (opts.margin ?? 64);
  const note = cutNote(opts.fullReportUrl);
  const sections = report.parts.filter((p): p is SectionPart => p.kind === 'section');
  const views = new Map<string, View>(sections.map((s) => [s.id, { mode: 'full' }]));
  const render = () => renderReport(report, views, note);
  const fits = () => measure(render()) <= budget;

  if (fits()) return result(render(), views);

  // Least important first: info, pass, warn, fail; among equals the later stage, then the later
  // section. A failure is what the reader must see, so fail sections are never folded.
  const byImportance = [...sections]
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        STATUS_RANK[a.s.status] - STATUS_RANK[b.s.status] ||
        STAGE_ORDER.indexOf(b.s.stage) - STAGE_ORDER.indexOf(a.s.stage) ||
        b.i - a.i,
    )
    .map(({ s }) => s);
  // Folding makes the long report readable but only adds characters: cutting is what fits it.
  for (const s of byImportance) if (s.status !== 'fail') views.set(s.id, { mode: 'folded' });

  for (const s of byImportance) {
    const folded = views.get(s.id)!.mode === 'folded';
    views.set(s.id, { mode: 'cut' });
    if (!fits()) continue;
    // Cutting the whole body was enough: keep as many of its lines as still fit.
    const lines = s.body.split('\n').length;
    let lo = 0;
    let hi = lines - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      views.set(s.id, { mode: 'partial', lines: mid, folded });
      if (fits()) lo = mid;
      else hi = mid - 1;
    }
    views.set(s.id, lo > 0 ? { mode: 'partial', lines: lo, folded } : { mode: 'cut' });
    return result(render(), views);
  }

  // Even with every section cut the header and footer are too long (a tiny limit or thousands of
  // sections): keep the lines that fit, marker first.
  return { ...result(cutLines(render(), budget, measure, note), views), truncated: true };
}

function result(body: string, views: Map<string, View>): FitResult {
  const folded: string[] = [];
  const cut: string[] = [];
  for (const [id, v] of views) {
    if (v.mode === 'folded' || (v.mode === 'partial' && v.folded)) folded.push(id);
    if (v.mode === 'cut' || v.mode === 'partial') cut.push(id);
  }
  return { body, truncated: cut.length > 0, folded, cut };
}

function cutNote(url: string | undefined): string {
  const where = url ? `the [full report](${/[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url})` : 'the job summary or the report artifact';
  return `> ✂️ Cut to fit GitHub's limit — see ${where}.`;
}

function renderReport(report: ComposedReport, views: Map<string, View>, note: string): string {
  const blocks = report.parts.map((p) => (p.kind === 'section' ? renderSection(p, views.get(p.id)!, note) : p.markdown));
  return blocks.join(PART_SEPARATOR) + '\n';
}

function renderSection(s: SectionPart, view: View, note: string): string {
  const withHeading = (body: string) => (s.heading ? `${s.heading}\n\n${body}` : body);
  switch (view.mode) {
    case 'full':
      return withHeading(s.body);
    case 'folded':
      return details(s, s.body);
    case 'cut': {
      const summary = s.summary.trim() ? escapeText(s.summary.trim()) + '\n\n' : '';
      return s.heading ? `${s.heading}\n\n${summary}${note}` : `${summary}${note}`;
    }
    case 'partial': {
      const body = closeOpenBlocks(s.body.split('\n').slice(0, view.lines));
      return (view.folded ? details(s, body) : withHeading(body)) + '\n\n' + note;
    }
  }
}

/**
 * The summary line is raw HTML: GitHub does not parse markdown in it, so it is escaped as HTML.
 * The body needs the blank lines around it to be parsed as markdown.
 */
function details(s: SectionPart, body: string): string {
  const label = [s.title.trim() ? `<b>${escapeHtml(s.title.trim())}</b>` : '', escapeHtml(s.summary.trim())]
    .filter(Boolean)
    .join(' — ');
  return `<details>\n<summary>${STATUS_ICON[s.status]} ${label}</summary>\n\n${body}\n\n</details>`;
}

/** Closes a code fence or `<details>` left open where the body was cut. */
export function closeOpenBlocks(lines: string[]): string {
  let fence: { char: string; length: number } | undefined;
  let openDetails = 0;
  for (const line of lines) {
    if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closing && closing[1][0] === fence.char && closing[1].length >= fence.length) fence = undefined;
      continue;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening && !(opening[1][0] === '`' && line.slice(opening[0].length).includes('`'))) {
      fence = { char: opening[1][0], length: opening[1].length };
      continue;
    }
    openDetails += (line.match(/<details\b/gi) ?? []).length;
    openDetails = Math.max(0, openDetails - (line.match(/<\/details\s*>/gi) ?? []).length);
  }
  const tail: string[] = [];
  if (fence) tail.push(fence.char.repeat(fence.length));
  for (let i = 0; i < openDetails; i++) tail.push('', '</details>');
  return [...lines, ...tail].join('\n').trimEnd();
}

function cutLines(body: string, budget: number, measure: (s: string) => number, note: string): string {
  const lines = body.split('\n');
  const candidate = (n: number) => closeOpenBlocks(lines.slice(0, n)) + '\n\n' + note + '\n';
  // The marker line stays even if nothing else fits.
  let lo = 1;
  let hi = lines.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(candidate(mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return candidate(lo);
}
