import { isAbsolute, relative, sep } from 'node:path';
import { isUserError, type Problem } from '../errors.js';
import { escapeText } from './escape.js';
import type { NewSection, Section, Stage } from './section.js';

/**
 * The failing-section contract every mlci action keeps: a step that fails for a reason of its own
 * (bad input or config, a missing or malformed file, our own bug) still writes its section, in
 * place of the one it writes on success (same id), with status `fail`, the error and its place.
 * Without it the report would show only what did run, and say pass.
 */

/** The section an action writes on success: a failure replaces exactly that one. */
export interface SectionSlot {
  /** The action, e.g. `compare-metrics`. */
  action: string;
  id: string;
  stage: Stage;
  title: string;
}

/** An error as the one problem to annotate: a UserError with its place, anything else as our bug. */
export function errorProblem(error: unknown, workspace?: string): Problem {
  if (isUserError(error)) {
    return {
      severity: 'error',
      message: error.message,
      file: error.file !== undefined ? shownPath(error.file, workspace) : undefined,
      line: error.line,
      column: error.line !== undefined ? error.column : undefined,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { severity: 'error', message: `mlci failed unexpectedly: ${message}` };
}

/** `file:line:column: message`, the way compilers and annotations say it. */
export function describeProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  return where ? `${where}: ${p.message}` : p.message;
}

export function failureSection(slot: SectionSlot, error: unknown, o: { workspace?: string } = {}): NewSection {
  const problem = errorProblem(error, o.workspace);
  const unexpected = !isUserError(error);
  const lines = [`**${escapeText(slot.action)} failed**, so nothing it checks was checked in this run.`, '', `- **Error:** ${escapeText(problem.message)}`];
  if (problem.file !== undefined) {
    const at = [problem.line !== undefined ? `line ${problem.line}` : '', problem.column !== undefined ? `column ${problem.column}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`- **Where:** ${escapeText(problem.file)}${at ? `, ${at}` : ''}`);
  }
  const input = isUserError(error) ? error.input : undefined;
  if (input) lines.push(`- **Input:** ${escapeText(input)}`);
  if (unexpected) lines.push('', 'This is a bug in mlci, not in your files: the step log has the details (debug logging shows the stack).');
  return {
    action: slot.action,
    id: slot.id,
    stage: slot.stage,
    title: slot.title,
    status: 'fail',
    summary: oneLine(`failed: ${describeProblem(problem)}`, 200),
    markdown: lines.join('\n') + '\n',
    data: {
      error: {
        message: problem.message,
        ...(problem.file !== undefined ? { file: problem.file } : {}),
        ...(problem.line !== undefined ? { line: problem.line } : {}),
        ...(problem.column !== undefined ? { column: problem.column } : {}),
        ...(input ? { input } : {}),
        unexpected,
      },
    },
  };
}

/** Paths inside the workspace as the user knows them (relative, `/`); others as they are. */
function shownPath(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/**
 * A step that fails after writing its section (storing a baseline, say) keeps what it wrote:
 * the section turns `fail`, with the error above the body it had.
 */
export function amendWithFailure(written: Section, failure: NewSection): NewSection {
  const { schema: _schema, created: _created, summarized: _summarized, ...rest } = written;
  return {
    ...rest,
    status: 'fail',
    summary: failure.summary,
    markdown: `${failure.markdown}\n${written.markdown}`,
    data: { ...(typeof written.data === 'object' && written.data !== null ? written.data : { result: written.data }), ...(failure.data as object) },
  };
}
