import { PART_SEPARATOR, STATUS_ICON, type ComposedReport, type SectionPart } from './compose.js';
import { escapeHtml, escapeText } from '../section/escape.js';
import { STAGE_ORDER, STATUS_RANK } from '../section/section.js';

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
   * in bytes such as the step summary's. It must be additive (the size of a concatenation is the
   * sum of the sizes), as both are: parts are measured apart and their sizes summed.
   */
  measure?: (s: string) => number;
  /**
   * Kept free below the limit (default 64 units), in case the server counts or normalises a
   * little differently from us (line endings, Unicode normalisation).
   */
  margin?: number;
  /** Where the reader finds what was cut (the run's job summary, an artifact). */
  fullReportUrl?: string;
  /** Whose limit it is, as the cut note names it ("GitHub" by default; "GitLab" for a merge-request note). */
  limitOf?: string;
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

/**
 * The work is linear in the report and bounded by the limit: each part is measured once per view
 * it takes (the measure must be additive, as both measures above are: the size of a concatenation
 * is the sum of the sizes), never by re-rendering the whole report, and a body is cut by walking
 * its lines only as far as the room left for it. 10,000 sections or one 60 MB section cost what
 * their text costs, not its square.
 */
export function fitReport(report: ComposedReport, opts: FitOptions): FitResult {
  const measure = opts.measure ?? measureUtf16;
  const budget = opts.limit - (opts.margin ?? 64);
  const note = cutNote(opts.fullReportUrl, opts.limitOf ?? 'GitHub');
  const sections = report.parts.filter((p): p is SectionPart => p.kind === 'section');
  const views = new Map<string, View>(sections.map((s) => [s.id, { mode: 'full' }]));
  const render = () => renderReport(report, views, note);
  const sizer = new SectionSizer(measure, note);
  const sizes = new Map<string, number>();
  // The separators between parts and the final newline.
  let total = measure(PART_SEPARATOR) * Math.max(0, report.parts.length - 1) + measure('\n');
  for (const p of report.parts) {
    if (p.kind !== 'section') total += measure(p.markdown);
    else {
      const size = sizer.size(p, { mode: 'full' });
      sizes.set(p.id, size);
      total += size;
    }
  }
  const setView = (s: SectionPart, view: View) => {
    const size = sizer.size(s, view);
    total += size - sizes.get(s.id)!;
    sizes.set(s.id, size);
    views.set(s.id, view);
  };

  if (total <= budget) return result(render(), views);

  // Least important first: info, pass, warn, fail; among equals the later stage, then the later
  // section. A failure is what the reader must see, so fail sections are never folded.
  const byImportance = sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => STATUS_RANK[a.s.status] - STATUS_RANK[b.s.status] || STAGE_ORDER.indexOf(b.s.stage) - STAGE_ORDER.indexOf(a.s.stage) || b.i - a.i)
    .map(({ s }) => s);
  // Folding makes the long report readable but only adds characters: cutting is what fits it.
  for (const s of byImportance) if (s.status !== 'fail') setView(s, { mode: 'folded' });

  for (const s of byImportance) {
    const folded = views.get(s.id)!.mode === 'folded';
    setView(s, { mode: 'cut' });
    if (total > budget) continue;
    // Cutting the whole body was enough: keep as many of its lines as still fit.
    const room = budget - (total - sizes.get(s.id)!) - sizer.partialWrapper(s, folded);
    const lines = fittingLines(s.body, room, measure, true);
    if (lines > 0) setView(s, { mode: 'partial', lines, folded });
    if (total > budget) setView(s, { mode: 'cut' });
    return result(render(), views);
  }

  // Even with every section cut the header and footer are too long (a tiny limit or thousands of
  // sections): keep the lines that fit, marker first.
  return { ...result(cutLines(render(), budget, measure, note), views), truncated: true };
}

/** Sizes of a section's views, its body measured once (a body may be megabytes). */
class SectionSizer {
  private readonly bodies = new Map<string, number>();
  private readonly measure: (s: string) => number;
  private readonly note: string;
  constructor(measure: (s: string) => number, note: string) {
    this.measure = measure;
    this.note = note;
  }

  private body(s: SectionPart): number {
    let size = this.bodies.get(s.id);
    if (size === undefined) this.bodies.set(s.id, (size = this.measure(s.body)));
    return size;
  }

  size(s: SectionPart, view: View): number {
    const m = this.measure;
    switch (view.mode) {
      case 'full':
        return (s.heading ? m(s.heading) + m('\n\n') : 0) + this.body(s);
      case 'folded': {
        const [open, close] = detailsWrap(s);
        return m(open) + this.body(s) + m(close);
      }
      case 'cut':
        return m(renderSection(s, view, this.note));
      case 'partial':
        return m(renderSection(s, view, this.note));
    }
  }

  /** What a partial view adds around the kept lines of its body. */
  partialWrapper(s: SectionPart, folded: boolean): number {
    const m = this.measure;
    const around = folded ? detailsWrap(s).reduce((a, w) => a + m(w), 0) : s.heading ? m(s.heading) + m('\n\n') : 0;
    return around + m('\n\n') + m(this.note);
  }
}

/**
 * How many lines from the start of `text` fit into `room` once closeOpenBlocks has closed what
 * they leave open. Lines are read one by one and no further than the room: a huge body is never
 * split whole. `keepOneOut`: the whole text never counts as a cut (it is the full view).
 */
function fittingLines(text: string, room: number, measure: (s: string) => number, keepOneOut = false): number {
  const blocks = new OpenBlocks();
  const newline = measure('\n');
  let best = 0;
  let prefix = 0;
  let n = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    prefix += (n > 0 ? newline : 0) + measure(line);
    // The prefix only grows: once it alone is over, no longer prefix fits.
    if (prefix > room) break;
    n++;
    blocks.feed(line);
    if (end < 0 && keepOneOut) break;
    if (prefix + blocks.tailSize(measure) <= room) best = n;
    if (end < 0) break;
    start = end + 1;
  }
  return best;
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

function cutNote(url: string | undefined, limitOf: string): string {
  const where = url
    ? `the [full report](${/[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url})`
    : 'the job summary or the report artifact';
  return `> ✂️ Cut to fit ${limitOf}'s limit — see ${where}.`;
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
  const [open, close] = detailsWrap(s);
  return `${open}${body}${close}`;
}

function detailsWrap(s: SectionPart): [string, string] {
  const label = [s.title.trim() ? `<b>${escapeHtml(s.title.trim())}</b>` : '', escapeHtml(s.summary.trim())].filter(Boolean).join(' — ');
  return [`<details>\n<summary>${STATUS_ICON[s.status]} ${label}</summary>\n\n`, '\n\n</details>'];
}

/** Closes a code fence or `<details>` left open where the body was cut. */
export function closeOpenBlocks(lines: string[]): string {
  const blocks = new OpenBlocks();
  for (const line of lines) blocks.feed(line);
  const tail = blocks.tail();
  return (tail.length > 0 ? [...lines, ...tail] : lines).join('\n').trimEnd();
}

/** The code fence and `<details>` open after the lines fed so far, line by line. */
class OpenBlocks {
  private fence: { char: string; length: number } | undefined;
  private openDetails = 0;

  feed(line: string): void {
    if (this.fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closing && closing[1][0] === this.fence.char && closing[1].length >= this.fence.length) this.fence = undefined;
      return;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening && !(opening[1][0] === '`' && line.slice(opening[0].length).includes('`'))) {
      this.fence = { char: opening[1][0], length: opening[1].length };
      return;
    }
    if (line.includes('<')) {
      this.openDetails += (line.match(/<details\b/gi) ?? []).length;
      this.openDetails = Math.max(0, this.openDetails - (line.match(/<\/details\s*>/gi) ?? []).length);
    }
  }

  /** The lines that close what is open. */
  tail(): string[] {
    const tail: string[] = [];
    if (this.fence) tail.push(this.fence.char.repeat(this.fence.length));
    for (let i = 0; i < this.openDetails; i++) tail.push('', '</details>');
    return tail;
  }

  /** The size the tail adds after the kept lines (an upper bound: the result is trimmed at its end). */
  tailSize(measure: (s: string) => number): number {
    let size = 0;
    for (const line of this.tail()) size += measure('\n') + measure(line);
    return size;
  }
}

function cutLines(body: string, budget: number, measure: (s: string) => number, note: string): string {
  const ending = '\n\n' + note + '\n';
  // The marker line stays even if nothing else fits.
  const n = Math.max(1, fittingLines(body, budget - measure(ending), measure));
  let end = -1;
  for (let i = 0; i < n; i++) {
    const next = body.indexOf('\n', end + 1);
    if (next < 0) {
      end = body.length;
      break;
    }
    end = next;
  }
  return closeOpenBlocks(body.slice(0, end).split('\n')) + ending;
}
