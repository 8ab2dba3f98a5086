import { markdownTable } from 'markdown-table';

/**
 * Data shown in a report (file names, column names, metric names, values from a user's JSON) must
 * never break the markdown around it, inject HTML, or notify people. Everything here turns
 * untrusted text into markdown/HTML that renders as that exact text.
 */

// GitHub links `@user` / `@org/team` and `#123` after rendering, on the text nodes of the HTML.
// A zero-width space between the sigil and the name survives rendering (as a character in the
// text node) and breaks those patterns; Renovate and Dependabot neutralise mentions the same way.
// The entity form keeps the raw markdown readable and works both in markdown text and raw HTML.
const ZWSP_ENTITY = '&#8203;';

// ASCII punctuation that has a meaning somewhere in CommonMark/GFM inline or at the start of a
// line. CommonMark defines a backslash escape for every ASCII punctuation character, so escaping
// one that happens to be harmless in its position still renders as the bare character.
// `:` too: it stops `:emoji:` shortcodes and URL autolinks, so data shows as written; `=` could
// underline the previous line into a heading.
// One pass, so that the `#` of an entity we emit is never taken for an issue reference.
const TEXT_TOKENS = /(@(?=[A-Za-z0-9]))|(#(?=\d))|([&<>])|([\\`*_{}[\]()#+\-.!|~:=])/g;
const HTML_TOKENS = /(@(?=[A-Za-z0-9]))|(#(?=\d))|([&<>"'])/g;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Line breaks and other control characters would end a list item, heading or table row. */
function flattenControls(s: string): string {
  return s.replace(/\r\n?|[\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * Plain text for raw HTML contexts (`<summary>`, attributes, `<sub>` lines): markdown is not parsed
 * inside an HTML block on GitHub, so backslash escapes would show; entities are decoded instead.
 */
export function escapeHtml(s: string): string {
  return flattenControls(s).replace(HTML_TOKENS, (_m, at, hash, html: string) => (at ? '@' + ZWSP_ENTITY : hash ? '#' + ZWSP_ENTITY : HTML_ESCAPES[html]));
}

/**
 * Plain text as inline markdown: rendered as exactly this text, on one line, with no HTML, no
 * links, no emphasis and no @mentions. Line breaks become spaces (use escapeCell to keep them).
 */
export function escapeText(s: string): string {
  return flattenControls(s).replace(TEXT_TOKENS, (_m, at, hash, html: string, md: string) =>
    at ? '@' + ZWSP_ENTITY : hash ? '\\#' + ZWSP_ENTITY : html ? HTML_ESCAPES[html] : '\\' + md,
  );
}

/** Text for one GFM table cell: escapeText, pipes escaped (by escapeText), line breaks as `<br>`. */
export function escapeCell(s: string): string {
  return s
    .split(/\r\n?|\n/)
    .map(escapeText)
    .join('<br>');
}

/**
 * An inline code span showing exactly `s`, whatever backticks it holds, in or out of a table.
 *
 * A fence longer than any backtick run inside keeps the span closed. A pipe is the hard case: a
 * GFM table splits cells on `|` even inside code spans, and `\|` is unescaped only inside tables,
 * so no markdown code span is right in both places. Text with a pipe becomes `<code>` with
 * entities instead, which GitHub allows and styles like a code span everywhere.
 */
export function codeSpan(s: string): string {
  const text = s.replace(/\r\n?|\n/g, ' ');
  if (text === '') return '<code></code>';
  if (text.includes('|')) {
    // Inside inline HTML the text is still markdown, so markdown specials become entities too.
    const body = text.replace(/[&<>"'|\\`*_[\]~!@#:]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<code>${body}</code>`;
  }
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each side when both are present; pad so the text survives.
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export type Align = 'l' | 'r' | 'c';

/**
 * A GFM table. Cells are inserted verbatim: the caller escapes them (escapeCell for data,
 * codeSpan for identifiers) so that a cell may also hold deliberate markdown such as a link.
 * Delimiters are not padded into columns: alignment spaces render the same and only cost
 * characters against GitHub's comment limit.
 */
export function table(headers: string[], rows: string[][], align?: Align[]): string {
  return markdownTable([headers, ...rows], { align, alignDelimiters: false });
}
