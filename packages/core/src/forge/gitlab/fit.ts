import type { CommentLimit } from '../report-forge.js';

/**
 * GitLab refuses a note over 1,000,000 characters (Note's `note` length validation); Ruby counts
 * characters (code points), and a string's `length` (UTF-16 units) is never less, so measuring by
 * `length` never lets an oversized note through.
 */
export const GITLAB_NOTE_LIMIT = 1_000_000;

/** A merge-request note's limit, as a report composed for GitLab is fitted to it (forge/report-forge.ts). */
export const GITLAB_COMMENT_LIMIT: CommentLimit = { forge: 'GitLab', limit: GITLAB_NOTE_LIMIT };

/** Kept free below the limit, in case GitLab normalises line endings or Unicode a little differently. */
const MARGIN = 64;

const CUT_NOTE = "> ✂️ Cut to fit GitLab's note limit — see the job log or the report artifact for the rest.";

/**
 * Fits an already composed body into GitLab's note limit by keeping whole lines from the top
 * (the marker first) and closing a code fence or `<details>` left open, with a visible note.
 *
 * report/fit.ts's section-aware fitting (fold, then cut the least important sections first) needs
 * the composed report's parts, which a caller holding them should apply first with
 * `limit: GITLAB_NOTE_LIMIT`; this function gets only the markdown, so it cuts the tail as
 * fit.ts does once nothing else is left to cut. The block tracking repeats fit.ts's OpenBlocks
 * because forge/ may not import report/ (packages/core/src/layout.test.ts).
 */
export function fitNote(body: string, limit = GITLAB_NOTE_LIMIT): { body: string; truncated: boolean } {
  if (body.length <= limit) return { body, truncated: false };
  const ending = `\n\n${CUT_NOTE}\n`;
  const room = limit - MARGIN - ending.length;
  const blocks = new OpenBlocks();
  let kept = 0; // end offset of the lines kept
  let best = 0;
  let bestTail: string[] = [];
  for (let start = 0, n = 0; start < body.length; n++) {
    const end = body.indexOf('\n', start);
    const stop = end < 0 ? body.length : end;
    blocks.feed(body.slice(start, stop));
    kept = stop;
    const tail = blocks.tail();
    const size = kept + tail.reduce((a, l) => a + 1 + l.length, 0);
    if (size > room && n > 0) break;
    // The marker line stays even when nothing else fits.
    best = kept;
    bestTail = tail;
    if (size > room || end < 0) break;
    start = end + 1;
  }
  const cut = [body.slice(0, best).trimEnd(), ...bestTail].join('\n');
  return { body: cut + ending, truncated: true };
}

/** The code fence and `<details>` open after the lines fed so far (as report/fit.ts tracks them). */
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

  tail(): string[] {
    const tail: string[] = [];
    if (this.fence) tail.push(this.fence.char.repeat(this.fence.length));
    for (let i = 0; i < this.openDetails; i++) tail.push('', '</details>');
    return tail;
  }
}
