import { isUserError, UserError } from '../errors.js';
import { defaultBoundary, readContained } from '../files/contained.js';
import { codeSpan, escapeCell, escapeHtml, table } from '../section/escape.js';
import { accuracy, changeMatrix, exampleChange, movedPairs, type ChangeMatrix, type ExampleChange, type MovedPair } from './change.js';
import { readExamples, type Examples } from './records.js';

export interface EvaluationOptions {
  workspace: string;
  /** Confusion records (actual, predicted), relative to the workspace, or '' for none. */
  confusion: string;
  /** Predictions with an id column, or '' for none. */
  predictions: string;
  /** The predictions' id column. */
  idColumn: string;
  /** How many ids each list shows at most. */
  maxIds?: number;
  /** The same file on the base side (undefined when it is not there). */
  readBase: (path: string) => Promise<Buffer | undefined>;
  /** The baseline's name, for the notes. */
  baseName?: string;
}

export interface Evaluation {
  markdown: string;
  /** For the section's data: machines read the numbers, not the table. */
  data: { file: string; labels: string[]; base?: number[][]; head: number[][]; accuracy: { base?: number; head: number }; examples?: ExampleChange } | null;
  /** Head files a stored baseline must hold too. */
  files: string[];
}

export const DEFAULT_MAX_IDS = 20;
/** More classes than this make the matrices unreadable: the moved pairs are shown alone. */
const MAX_MATRIX_CLASSES = 15;
const MOVED_PAIRS = 5;

/**
 * The confusion section: head's matrix against the base's as a change matrix, counts and
 * row-normalised, the pairs that moved most, and with predictions the ids newly wrong and newly
 * right (ids only, never the rows). A broken head file is the user's error; a base that is missing
 * or unreadable leaves head alone, said in a note.
 */
export async function compareEvaluation(o: EvaluationOptions): Promise<Evaluation> {
  const path = o.predictions || o.confusion;
  if (!path) return { markdown: '', data: null, files: [] };
  const idColumn = o.predictions ? o.idColumn : undefined;
  const input = o.predictions ? 'predictions' : 'confusion';
  const head = await readExamples(await readHead(path, o.workspace, input), path, { idColumn });
  const notes: string[] = [];
  let base: Examples | undefined;
  const baseBytes = await o.readBase(path);
  if (baseBytes === undefined) notes.push(`No base version of ${path}${o.baseName ? ` in ${o.baseName}` : ''}: head alone is shown.`);
  else {
    try {
      base = await readExamples(baseBytes.toString('utf8'), path, { idColumn });
    } catch (e) {
      if (!isUserError(e)) throw e;
      notes.push(`The base version of ${path} could not be read (${e.line ? `line ${e.line}: ` : ''}${e.message}): head alone is shown.`);
    }
  }
  const m = changeMatrix(base ?? { actual: [], predicted: [] }, head);
  const examples = base && idColumn ? exampleChange(base, head) : undefined;
  const markdown = render(path, m, base, head, examples, notes, o.maxIds ?? DEFAULT_MAX_IDS);
  return {
    markdown,
    data: {
      file: path,
      labels: m.labels,
      ...(base ? { base: m.base } : {}),
      head: m.head,
      accuracy: { ...(base ? { base: accuracy(base) } : {}), head: accuracy(head) },
      ...(examples ? { examples } : {}),
    },
    files: [path],
  };
}

async function readHead(path: string, workspace: string, input: string): Promise<string> {
  try {
    return await readContained(path, { input, boundary: { ...defaultBoundary(), workspace } }, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`input "${input}": file "${path}" does not exist`, { input });
    throw e;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pp = (x: number | null) => (x === null ? '—' : Math.abs(x) < 0.0005 ? '·' : `${x > 0 ? '+' : '−'}${(Math.abs(x) * 100).toFixed(1)}`);
const signed = (x: number) => (x === 0 ? '·' : x > 0 ? `+${x}` : `−${-x}`);

function render(
  path: string,
  m: ChangeMatrix,
  base: Examples | undefined,
  head: Examples,
  examples: ExampleChange | undefined,
  notes: string[],
  maxIds: number,
): string {
  const parts = [`**Confusion** (${codeSpan(path)})`];
  const n = (k: number) => `${k} example${k === 1 ? '' : 's'}`;
  const acc = base
    ? `Accuracy ${pct(accuracy(base))} → ${pct(accuracy(head))} on ${base.actual.length} → ${n(head.actual.length)}.`
    : `Accuracy ${pct(accuracy(head))} on ${n(head.actual.length)}.`;
  parts.push(acc);
  const labels = m.labels.map((l) => escapeCell(l));
  const grid = (cell: (i: number, j: number) => string) =>
    table(
      ['actual \\ predicted', ...labels],
      m.labels.map((_, i) => [`**${labels[i]}**`, ...m.labels.map((_, j) => cell(i, j))]),
      ['l', ...m.labels.map(() => 'r' as const)],
    );
  if (!base) {
    if (m.labels.length <= MAX_MATRIX_CLASSES) parts.push(grid((i, j) => String(m.head[i][j])));
  } else {
    if (m.labels.length <= MAX_MATRIX_CLASSES) {
      parts.push(`Change in counts (head − base):\n\n${grid((i, j) => signed(m.counts[i][j]))}`);
      parts.push(
        `Change in share of each actual class, in percentage points (each side's rows normalised to its own total first, then subtracted; a row sums to 0):\n\n${grid((i, j) => pp(m.shares[i][j]))}`,
      );
    } else
      parts.push(`<sub>${m.labels.length} classes: the matrices are left out (at most ${MAX_MATRIX_CLASSES}), the pairs that moved most are listed.</sub>`);
    const moved = movedPairs(m, MOVED_PAIRS);
    parts.push(moved.length > 0 ? `Mistakes that moved most:\n\n${moved.map(pairLine).join('\n')}` : 'No mistake moved: the off-diagonal counts are the same.');
  }
  if (examples) parts.push(renderExamples(examples, maxIds));
  if (notes.length > 0) parts.push(`<sub>${notes.map(escapeHtml).join(' ')}</sub>`);
  return parts.join('\n\n');
}

function pairLine(p: MovedPair): string {
  const share = p.share === null ? '' : `, ${pp(p.share)} pp of actual ${escapeCell(p.actual)}`;
  return `- actual ${codeSpan(p.actual)} predicted as ${codeSpan(p.predicted)}: ${p.base} → ${p.head} (${signed(p.head - p.base)}${share})`;
}

function renderExamples(e: ExampleChange, maxIds: number): string {
  const list = (ids: string[]) => {
    if (ids.length === 0) return 'none';
    const shown = ids.slice(0, maxIds).map(codeSpan).join(', ');
    return ids.length > maxIds ? `${shown}, … (${ids.length - maxIds} more)` : shown;
  };
  const lines = [`- Newly wrong (${e.newlyWrong.length}): ${list(e.newlyWrong)}`, `- Newly right (${e.newlyRight.length}): ${list(e.newlyRight)}`];
  const rest = [
    e.onlyHead > 0 ? `${e.onlyHead} ids only in head` : '',
    e.onlyBase > 0 ? `${e.onlyBase} only in base` : '',
    e.relabelled > 0 ? `${e.relabelled} with a different actual class on each side (each side judged on its own)` : '',
  ].filter(Boolean);
  const note = rest.length > 0 ? `\n\n<sub>Not compared: ${rest.join(', ')}.</sub>` : '';
  return `**Examples** (by id; ids only, at most ${maxIds} each):\n\n${lines.join('\n')}${note}`;
}
