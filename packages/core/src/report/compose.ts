import { escapeText } from './escape.js';
import { orderSections, worstStatus, type Section, type Stage, type Status } from './section.js';

/**
 * The comment body, built from the report's sections as parts that fit.ts can fold or cut one by
 * one: a header (hidden marker, title, a line per section), the sections, a footer.
 */

export const STATUS_ICON: Record<Status, string> = { pass: '✅', warn: '⚠️', fail: '❌', info: 'ℹ️' };

export interface HeaderPart {
  kind: 'header';
  /** Starts with the marker line; fit.ts never cuts it. */
  markdown: string;
}

export interface SectionPart {
  kind: 'section';
  id: string;
  stage: Stage;
  status: Status;
  /** Plain text, as written by the action (escaped where it is shown). */
  title: string;
  /** Plain text, one line. */
  summary: string;
  /** `### ✅ Title`, or empty for an untitled section (a user's markdown file). */
  heading: string;
  /** The section's markdown, without its heading. */
  body: string;
}

export interface FooterPart {
  kind: 'footer';
  markdown: string;
}

export type ReportPart = HeaderPart | SectionPart | FooterPart;

export interface ComposedReport {
  id: string;
  title: string;
  /** The worst status of all sections (`info` for an empty report). */
  status: Status;
  /** Header first, then the sections in report order, then the footer if any. */
  parts: ReportPart[];
}

export interface ComposeInput {
  id: string;
  title: string;
  sections: Section[];
  footer?: { runUrl?: string; sha?: string; when?: string };
  /**
   * The report's verdict when the sections may not decide it (a bundle from another run, whose
   * statuses are that run's own word), with a line saying where it came from.
   */
  verdict?: { status: Status; note: string };
}

/** Parts are separated by a blank line so that each starts a new block. */
export const PART_SEPARATOR = '\n\n';

/**
 * The hidden first line that identifies a report's comment, so the next run edits it instead of
 * adding another. Characters that could end the HTML comment or the attribute (`>`, `!`, `"`,
 * `<`, line breaks ...) are percent-encoded.
 */
export function reportMarker(id: string): string {
  const safe = [...id]
    .map((c) => (/^[A-Za-z0-9._~:/@+=,;-]$/.test(c) ? c : [...Buffer.from(c, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('')))
    .join('');
  return `<!-- mlci-report id="${safe}" -->`;
}

/**
 * True when `body` is this report's comment: the marker must be the body's very first line, so a
 * person quoting our marker further down their own comment is not taken for us.
 */
export function hasMarker(body: string, id: string): boolean {
  const end = body.indexOf('\n');
  const first = end < 0 ? body : body.slice(0, end);
  return first.replace(/\r$/, '') === reportMarker(id);
}

export function composeReport(input: ComposeInput): ComposedReport {
  const sections = orderSections(input.sections);
  const status = input.verdict?.status ?? worstStatus(sections.map((s) => s.status));
  const parts: ReportPart[] = [{ kind: 'header', markdown: header(input, sections, status) }];
  for (const s of sections) {
    parts.push({
      kind: 'section',
      id: s.id,
      stage: s.stage,
      status: s.status,
      title: s.title,
      summary: s.summary,
      heading: s.title.trim() ? `### ${STATUS_ICON[s.status]} ${escapeText(s.title.trim())}` : '',
      body: s.markdown.replace(/^\s*\n/, '').trimEnd(),
    });
  }
  const footer = footerMarkdown(input.footer);
  if (footer) parts.push({ kind: 'footer', markdown: footer });
  return { id: input.id, title: input.title, status, parts };
}

function header(input: ComposeInput, sections: Section[], status: Status): string {
  const lines = [reportMarker(input.id), `## ${STATUS_ICON[status]} ${escapeText(input.title)}`];
  if (input.verdict) lines.push('', `_${escapeText(input.verdict.note)}_`);
  const overview = sections
    .filter((s) => s.title.trim())
    .map((s) => {
      const summary = s.summary.trim() ? ` — ${escapeText(s.summary.trim())}` : '';
      return `- ${STATUS_ICON[s.status]} **${escapeText(s.title.trim())}**${summary}`;
    });
  if (sections.length === 0) lines.push('', '_No report sections were written in this run._');
  else if (overview.length) lines.push('', ...overview);
  return lines.join('\n');
}

function footerMarkdown(footer: ComposeInput['footer']): string | undefined {
  if (!footer) return undefined;
  const bits: string[] = [];
  if (footer.runUrl) bits.push(`[workflow run](${linkDestination(footer.runUrl)})`);
  // A bare short sha is what GitHub links to the commit.
  if (footer.sha) bits.push(escapeText(footer.sha.slice(0, 7)));
  if (footer.when) bits.push(escapeText(formatWhen(footer.when)));
  if (bits.length === 0) return undefined;
  return `<sub>Report by mlci · ${bits.join(' · ')}</sub>`;
}

function linkDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url;
}

/** `2024-05-01T12:34:56.789Z` → `2024-05-01 12:34 UTC`; anything else as given. */
function formatWhen(when: string): string {
  const t = Date.parse(when);
  if (Number.isNaN(t)) return when;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
