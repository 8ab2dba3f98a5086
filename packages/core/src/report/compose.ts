import { escapeText } from '../section/escape.js';
import { hasMarker, reportMarker } from '../section/marker.js';
import { describeRun } from '../section/run-identity.js';
import { orderSections, worstStatus, type Section, type Stage, type Status } from '../section/section.js';

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
  /**
   * The job's outcome (`job.status`: success, failure, cancelled). A job that did not succeed never
   * makes a green report, even when every section passed: a step may have failed before writing one.
   */
  jobStatus?: string;
  /** Sections left in the report directory by an earlier run: left out, and the header says so. */
  stale?: Section[];
  /**
   * Whether a section's body is shown; the header still lists every section. The job summary
   * leaves out the bodies that their own steps already showed on the same page.
   */
  showBody?: (s: Section) => boolean;
}

/** What a job's status makes of the report: a failed one fails it, a cancelled one warns. */
export function jobStatusOf(jobStatus: string | undefined): Status | undefined {
  const s = (jobStatus ?? '').trim().toLowerCase();
  if (s === '' || s === 'success' || s === 'neutral' || s === 'skipped') return undefined;
  return s === 'failure' || s === 'timed_out' ? 'fail' : 'warn';
}

/** Parts are separated by a blank line so that each starts a new block. */
export const PART_SEPARATOR = '\n\n';

export function composeReport(input: ComposeInput): ComposedReport {
  const sections = orderSections(input.sections);
  const job = jobStatusOf(input.jobStatus);
  // A bundle's verdict replaces its sections' statuses; this job's own outcome still counts.
  const status = worstStatus([input.verdict?.status ?? worstStatus(sections.map((s) => s.status)), ...(job ? [job] : [])]);
  const parts: ReportPart[] = [{ kind: 'header', markdown: header(input, sections, status) }];
  for (const s of sections) if (input.showBody?.(s) ?? true) parts.push(sectionPart(s));
  const footer = footerMarkdown(input.footer);
  if (footer) parts.push({ kind: 'footer', markdown: footer });
  return { id: input.id, title: input.title, status, parts };
}

/** One section as a part that fit.ts can fold or cut: also what a step's own summary shows. */
export function sectionPart(s: Section): SectionPart {
  return {
    kind: 'section',
    id: s.id,
    stage: s.stage,
    status: s.status,
    title: s.title,
    summary: s.summary,
    heading: s.title.trim() ? `### ${STATUS_ICON[s.status]} ${escapeText(s.title.trim())}` : '',
    body: s.markdown.replace(/^\s*\n/, '').trimEnd(),
  };
}

function header(input: ComposeInput, sections: Section[], status: Status): string {
  const lines = [reportMarker(input.id), `## ${STATUS_ICON[status]} ${escapeText(input.title)}`];
  if (input.verdict) lines.push('', `_${escapeText(input.verdict.note)}_`);
  const job = jobStatusOf(input.jobStatus);
  if (job) {
    const failed = sections.some((s) => s.status === 'fail');
    const why =
      job !== 'fail'
        ? 'it did not finish, so later steps may not have run.'
        : failed
          ? 'see the failing sections below.'
          : sections.length === 0
            ? 'a step failed before any mlci step wrote a section, so nothing below was checked in this run.'
            : 'a step failed without writing a report section, so this report is not the whole story: see the workflow run.';
    const verb = job === 'fail' ? 'The job failed' : `The job did not succeed`;
    lines.push('', `> ${STATUS_ICON[job]} **${verb}** (job status: ${escapeText(String(input.jobStatus).trim())}): ${why}`);
  }
  if (input.stale && input.stale.length > 0) lines.push('', staleNote(input.stale));
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

/** Says which sections were left out and why, so a reused report directory cannot hide a gap. */
function staleNote(stale: Section[]): string {
  const listed = stale
    .slice(0, 10)
    .map((s) => `${escapeText(s.title.trim() || s.id)} (${escapeText(s.run ? describeRun(s.run) : 'an unknown run')}, ${escapeText(formatWhen(s.created))})`);
  const more = stale.length > 10 ? `, and ${stale.length - 10} more` : '';
  const n = stale.length === 1 ? '1 section' : `${stale.length} sections`;
  return `> ℹ️ Left out ${n} that an earlier run left in the report directory, not written by this run: ${listed.join('; ')}${more}.`;
}

/** Delimits the note on a kept report, so the next run that writes nothing replaces it. */
const NOTE_START = '<!-- mlci-note -->';
const NOTE_END = '<!-- /mlci-note -->';

/**
 * A run that wrote no section never replaces a good report with an empty one: the comment keeps
 * the report an earlier run posted, under a note that says this run wrote nothing and why. The
 * earlier report is one untitled part, so fit.ts can cut it if the note pushes it over the limit.
 */
export function keepPreviousReport(o: { id: string; title: string; previousBody: string; jobStatus?: string; runUrl?: string }): ComposedReport {
  const lines = o.previousBody.split(/\r?\n/);
  let rest = hasMarker(o.previousBody, o.id) ? lines.slice(1) : lines;
  const start = rest.indexOf(NOTE_START);
  const end = rest.indexOf(NOTE_END);
  if (start >= 0 && end > start) rest = [...rest.slice(0, start), ...rest.slice(end + 1)];
  const job = jobStatusOf(o.jobStatus);
  const status = job ?? 'info';
  const jobText = o.jobStatus?.trim() ? `job status: ${escapeText(o.jobStatus.trim())}` : 'job status unknown';
  const run = o.runUrl ? `[this run](${linkDestination(o.runUrl)})` : 'this run';
  const why = job === 'fail' ? 'a step failed before any mlci step wrote a section' : 'no mlci step wrote a section';
  const note = [
    NOTE_START,
    `> ${STATUS_ICON[job ?? 'warn']} **No report from ${run}** (${jobText}): ${why}, so nothing was checked in it. The report below is the one an earlier run posted; it is kept, not replaced by an empty one.`,
    NOTE_END,
  ].join('\n');
  return {
    id: o.id,
    title: o.title,
    status,
    parts: [
      { kind: 'header', markdown: `${reportMarker(o.id)}\n${note}` },
      {
        kind: 'section',
        id: 'previous-report',
        stage: 'other',
        status: 'info',
        title: '',
        summary: '',
        heading: '',
        body: rest
          .join('\n')
          .replace(/^\s*\n/, '')
          .trimEnd(),
      },
    ],
  };
}
