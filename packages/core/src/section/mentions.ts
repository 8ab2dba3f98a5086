import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown we post but did not write in this job (a report bundle from a fork's pull_request run,
 * posted by the workflow_run job with a write token) must not ping anyone through our bot and must
 * not carry raw HTML. It is parsed with marked (CommonMark and GFM as GitHub reads them) and only
 * the text nodes and raw HTML change; every other byte stays as written, so tables, code and links
 * render as the author meant.
 *
 * GitHub links `@user` and `@org/team` on the text nodes of the rendered HTML, whatever markup
 * surrounds them (`_@alice_`, `/@bob`, `.@carol` all notify), but never in code. So in each text
 * node an `@` (or a character reference for one) before a name gets a zero-width space, the same
 * trick escape.ts uses for data; one after a letter or digit is an e-mail address and stays.
 */

const ZWSP = '&#8203;';

// `@`, or a character reference that renders as one, followed by what a login starts with: a
// letter or digit, or any character reference (which might be one).
const AT = /(?:@|&#0*64;|&#x0*40;|&commat;)(?=[A-Za-z0-9]|&#?[A-Za-z0-9]+;)/gi;
const MAY_NEED_CHANGE = /@|&#0*64;|&#x0*40;|&commat;|</i;

function neutralizeText(raw: string): string {
  return raw.replace(AT, (at, offset: number) => (offset > 0 && /[A-Za-z0-9]/.test(raw[offset - 1]) && at === '@' ? at : `@${ZWSP}`));
}

/** Raw HTML shown as the text it is, then its mentions broken like any text. */
function htmlAsText(raw: string): string {
  return neutralizeText(raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The position of `raw` in `source` at or after `from`, line by line: inside block quotes and list
 * items marked strips the `>` and indentation, so a child's raw is a run of source lines with
 * their prefixes removed. Undefined when it cannot be found, which the caller treats as unsafe.
 */
function locate(source: string, raw: string, from: number, to: number): Array<{ start: number; line: string }> | undefined {
  const lines = raw.split('\n');
  const out: Array<{ start: number; line: string }> = [];
  // Where the first line is (near the cursor, so the search is short); then, for a raw that
  // stands as written, every line follows on, else each line is looked for after the last.
  const first = lines[0] === '' ? from : source.indexOf(lines[0], from);
  if (first < 0 || first + lines[0].length > to) return undefined;
  const whole = source.startsWith(raw, first) && first + raw.length <= to;
  let at = first;
  for (const [n, line] of lines.entries()) {
    // A line marked reshaped (a tab expanded to spaces) cannot be placed; the caller decides.
    const i = n === 0 || whole ? at : line === '' ? at : source.indexOf(line, at);
    if (i < 0 || i + line.length > to) return undefined;
    out.push({ start: i, line });
    at = i + line.length + (whole ? 1 : 0);
  }
  return out;
}

class Unplaceable extends Error {}

/**
 * Walks the tokens in document order with a cursor into the source that only moves forward, and
 * past a whole token once it is done, so a text node is never matched inside an earlier link's
 * destination or a code span.
 */
function collectEdits(source: string, tokens: Token[], from: number, to: number, edits: Edit[]): number {
  let cursor = from;
  for (const token of tokens) {
    if (!token.raw) continue;
    const place = locate(source, token.raw, cursor, to);
    if (!place) {
      // Only a token we would change must be placed exactly; anything else may be skipped.
      if (needsChange(token)) throw new Unplaceable();
      continue;
    }
    const start = place[0].start;
    const last = place[place.length - 1];
    const end = last.start + last.line.length;
    switch (token.type) {
      case 'code':
      case 'codespan':
      case 'image':
        break;
      case 'html': {
        for (const p of place) if (p.line) edits.push({ start: p.start, end: p.start + p.line.length, text: htmlAsText(p.line) });
        break;
      }
      case 'text':
      case 'escape': {
        const children = (token as Tokens.Text).tokens;
        if (children?.length) collectIn(source, children, start, end, edits);
        else if (token.type === 'escape' && token.raw === '\\@') edits.push({ start, end, text: `@${ZWSP}` });
        else if (token.type === 'text') {
          for (const p of place) {
            const text = neutralizeText(p.line);
            if (text !== p.line) edits.push({ start: p.start, end: p.start + p.line.length, text });
          }
        }
        break;
      }
      case 'list':
        collectIn(source, (token as Tokens.List).items, start, end, edits);
        break;
      case 'table': {
        const t = token as Tokens.Table;
        const cells = [...t.header, ...t.rows.flat()].flatMap((c) => c.tokens);
        collectIn(source, cells, start, end, edits);
        break;
      }
      default: {
        const children = (token as { tokens?: Token[] }).tokens;
        if (children?.length) collectIn(source, children, start, end, edits);
      }
    }
    cursor = end;
  }
  return cursor;
}

/**
 * Children are searched in their parent's text only, so that a search that fails (a line marked
 * reshaped) costs the parent's length, not the document's.
 */
function collectIn(source: string, tokens: Token[], start: number, end: number, edits: Edit[]): void {
  const local: Edit[] = [];
  const region = source.slice(start, end);
  collectEdits(region, tokens, 0, region.length, local);
  for (const e of local) edits.push({ start: e.start + start, end: e.end + start, text: e.text });
}

function needsChange(token: Token): boolean {
  if (token.type === 'code' || token.type === 'codespan' || token.type === 'image') return false;
  if (token.type === 'html') return true;
  return MAY_NEED_CHANGE.test(token.raw);
}

/**
 * A fenced code block left open runs to the end of the document: in a comment it would swallow
 * the sections after it (and a fence in a later section could close it, turning that section's
 * code into live text). Close it where the section ends.
 */
export function closeOpenFence(markdown: string, tokens: Token[] = Lexer.lex(markdown, { gfm: true })): string {
  const last = [...tokens].reverse().find((t) => t.type !== 'space');
  if (last?.type !== 'code') return markdown;
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(last.raw);
  if (!open) return markdown;
  const fence = open[1];
  const lines = last.raw.replace(/\n+$/, '').split('\n');
  const closing = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]) : null;
  if (closing && closing[1][0] === fence[0] && closing[1].length >= fence.length) return markdown;
  return `${markdown.replace(/\n*$/, '')}\n${fence}\n`;
}

/**
 * Untrusted markdown made safe to post: no mention notifies, raw HTML shows as text, and no
 * fence is left open. When marked's tokens cannot be placed back in the source (it reshapes some
 * input), every `@` and `<` is broken instead, code included: uglier, never unsafe.
 */
export function neutralizeMentions(markdown: string): string {
  const source = markdown.replace(/\r\n?/g, '\n');
  const tokens = Lexer.lex(source, { gfm: true });
  const edits: Edit[] = [];
  let out: string;
  try {
    collectEdits(source, tokens, 0, source.length, edits);
    edits.sort((a, b) => a.start - b.start);
    out = '';
    let at = 0;
    for (const e of edits) {
      if (e.start < at) throw new Unplaceable();
      out += source.slice(at, e.start) + e.text;
      at = e.end;
    }
    out += source.slice(at);
  } catch (e) {
    if (!(e instanceof Unplaceable)) throw e;
    return closeOpenFence(htmlAsText(source));
  }
  return closeOpenFence(out, tokens);
}
