import { sectionPart } from './compose.js';
import { fitReport, measureUtf8Bytes } from './fit.js';
import { rewriteImages } from './images.js';
import type { Section } from '../section/section.js';

/** A step summary over 1 MiB is dropped whole, so it is fitted in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/**
 * What an action writes to its own step summary: its section, rendered as the comment renders it
 * (markdown, never markdown inside raw HTML, which GitHub shows literally), fitted to the step
 * summary's 1 MiB. Local images cannot be shown there: their fallback (a mermaid chart or a table)
 * stands in.
 *
 * One rule for the job summary page: each action shows its own section on its own step summary,
 * and comment-report's summary shows the verdict with a line per section plus the bodies no step
 * showed (markdown files, sections from a report bundle): each section appears once.
 */
export function stepSummary(section: Section, o: { fullReportUrl?: string } = {}): string {
  const fallbacks = new Map((section.images ?? []).map((i) => [i.path, i.fallback]));
  const markdown = rewriteImages(section.markdown, new Map(), (ref) => fallbacks.get(ref));
  const part = sectionPart({ ...section, markdown });
  return fitReport(
    { id: section.id, title: section.title, status: section.status, parts: [part] },
    { limit: SUMMARY_LIMIT_BYTES, measure: measureUtf8Bytes, fullReportUrl: o.fullReportUrl },
  ).body;
}
