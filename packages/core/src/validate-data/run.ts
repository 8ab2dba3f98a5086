import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isUserError, UserError, type Problem } from '../errors.js';
import { defaultBoundary } from '../files/contained.js';
import { resolveFiles } from '../files/globs.js';
import { WRITTEN_BY_MLCI, writeOwnFile } from '../files/own-file.js';
import type { Api, Repo } from '../forge/api.js';
import { formatCount } from '../section/count.js';
import { escapeText } from '../section/escape.js';
import { writeSection, type NewSection, type Status } from '../section/section.js';
import { checkAnnotations } from '../data/annotations.js';
import { renderValidationMarkdown } from '../data/markdown.js';
import { fetchReference, parseReference, workspacePath, type GitBase, type ReferenceFiles } from '../data/reference.js';
import { formatFromName } from '../data/source.js';
import type { CheckResult, DataSchema, ValidationResult } from '../data/types.js';
import { validateData, warmUpFor } from '../data/validate.js';

/**
 * validate-data as the action and `mlci validate` run it: inputs in; the result, its annotations,
 * the report section (written, with the result JSON) and the verdict out. The result is always
 * complete, even when a file or the schema cannot be read: the comment must say why the step failed.
 */

export type FailOn = 'error' | 'warning' | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

export interface ValidationRunOptions {
  /** Files and globs, relative to the workspace. */
  data: string[];
  schema?: string;
  /** Where to write a schema inferred from the data. */
  inferSchema?: string;
  /** `git:<ref>`, `git:base`, or files and globs. */
  reference?: string[];
  failOn: FailOn;
  maxExamples: number;
  sample?: number;
  workspace: string;
  /** For copies of reference files (RUNNER_TEMP on a runner). */
  tempDir: string;
  /** The pull request's base, for `git:base`. */
  base?: GitBase;
  /** For reference files missing from a shallow clone. */
  api?: Api;
  repo?: Repo;
  /** Where the section and its result JSON are written. */
  reportDir: string;
}

export interface ValidationRun {
  /** File paths in it are relative to the workspace; a reference copy is named `path@ref`. */
  result: ValidationResult;
  /** Whether the step fails, per fail-on. */
  failed: boolean;
  /** Why it fails, one line (empty when it does not). */
  reason: string;
  /** Annotations for failed checks, and notices (no reference, the inferred schema). */
  problems: Problem[];
  section: NewSection;
  inferred?: { path: string; columns: number; rows: number };
  /** The result JSON's path (the `result-json` output), beside the section in the report directory. */
  resultJson: string;
}

export async function runValidation(o: ValidationRunOptions): Promise<ValidationRun> {
  if (o.data.length === 0) throw new UserError('input "data" is required: the files to validate', { input: 'data' });
  const problems: Problem[] = [];
  const notes: string[] = [];
  const at = (f: string) => workspacePath(f, o.workspace);
  let files: string[] = [];
  let schemaFile: string | undefined;
  let inferred: ValidationRun['inferred'];
  let reference: ReferenceFiles | undefined;
  let result: ValidationResult;
  let driftSeverity: 'warning' | 'error' = 'warning';
  // Mistakes in the inputs themselves fail before anything is read.
  const spec = parseReference(o.reference ?? []);
  if (o.schema) schemaFile = resolve(o.workspace, o.schema);
  const inferTarget = o.inferSchema ? resolve(o.workspace, o.inferSchema) : undefined;
  if (inferTarget && inferTarget === schemaFile) {
    throw new UserError('input "infer-schema" names the schema being validated against; write the inferred schema elsewhere', {
      input: 'infer-schema',
    });
  }
  try {
    files = await resolveFiles(o.data, o.workspace, 'data');
    // A large CSV file is read by worker threads: started now, they are ready when the schema is.
    if (!spec && o.sample === undefined) await warmUpFor(files);
    let schema: DataSchema | undefined;
    // The schema reader (yaml, ajv and its compiled schema) and the inferrer load only when asked
    // for: a run that only reads its data never parses them.
    if (schemaFile) {
      const { loadSchema } = await import('../data/schema.js');
      schema = await loadSchema(schemaFile);
      driftSeverity = schema.drift?.severity ?? 'warning';
    }
    let guessed: DataSchema | undefined;
    if (inferTarget) {
      const target = inferTarget;
      const { inferSchema, schemaToYaml } = await import('../data/infer.js');
      const got = await inferSchema(files);
      guessed = got.schema;
      const comment = `${WRITTEN_BY_MLCI.slice(2)} (infer-schema), which replaces this file when run again: edit a copy.\n Inferred by mlci from ${files.map(at).join(', ')} (${got.rows} rows). Review the bounds and enums before relying on them.`;
      await writeOwnFile(target, schemaToYaml(got.schema, comment), {
        input: 'infer-schema',
        boundary: { ...defaultBoundary(), workspace: o.workspace },
        reads: [
          ...files.map((f) => ({ path: f, what: `the data being validated (${at(f)})` })),
          ...(schemaFile ? [{ path: schemaFile, what: 'the schema in use' }] : []),
        ],
      });
      inferred = { path: at(target), columns: Object.keys(got.schema.columns ?? {}).length, rows: got.rows };
      problems.push({
        severity: 'notice',
        message: `wrote a schema of ${inferred.columns} columns inferred from ${got.rows} rows to ${inferred.path}`,
        file: inferred.path,
      });
    }
    if (spec) {
      reference = await fetchReference(spec, files, { workspace: o.workspace, tempDir: o.tempDir, base: o.base, api: o.api, repo: o.repo });
      problems.push(...reference.notices);
      notes.push(...reference.notices.map((n) => n.message));
      // Drift needs the columns and their kinds: without a schema, they are inferred from the data.
      if (!schema && reference.files.length > 0) {
        guessed ??= (await (await import('../data/infer.js')).inferSchema(files)).schema;
        schema = driftOnly(guessed);
      }
    }
    result = await validateData(files, {
      schema,
      maxExamples: o.maxExamples,
      sample: o.sample,
      reference: reference && reference.files.length > 0 ? reference.files : undefined,
    });
  } catch (e) {
    // A refused infer-schema path fails the step as it is: the data was fine.
    if (!isUserError(e) || e.input === 'infer-schema') throw e;
    const inSchema = e.file !== undefined && e.file === schemaFile;
    result = unreadable(e, inSchema ? 'schema' : 'readable', files);
    const file = e.file && (reference?.labels.get(e.file) ?? at(e.file));
    problems.push({ severity: 'error', title: inSchema ? 'invalid schema' : 'unreadable data', message: e.message, file, line: e.line, column: e.column });
  } finally {
    await reference?.cleanup();
  }

  const label = (f: string) => reference?.labels.get(f) ?? at(f);
  relabel(result, label);
  result.notes.push(...notes);
  const failedOnWarnings = o.failOn === 'warning' && result.warnings > 0;
  result.passed = result.errors === 0 && !failedOnWarnings;
  // One annotation per example: with a large max-examples that is hundreds of thousands, too many
  // arguments for push(...).
  for (const p of checkAnnotations(result, o.maxExamples, driftSeverity)) problems.push(p);

  const failed = o.failOn !== 'never' && (result.errors > 0 || failedOnWarnings);
  const reason = !failed
    ? ''
    : result.errors > 0
      ? `validate-data: ${count(result.errors, 'error')}${result.warnings ? `, ${count(result.warnings, 'warning')}` : ''} in ${o.data.join(', ')}`
      : `validate-data: ${count(result.warnings, 'warning')} in ${o.data.join(', ')} (fail-on: warning)`;
  const status: Status = result.errors > 0 || failedOnWarnings ? 'fail' : result.warnings > 0 ? 'warn' : 'pass';

  let markdown = renderValidationMarkdown(result, { examples: o.maxExamples });
  if (failedOnWarnings && result.errors === 0) markdown += '\nThis step fails on warnings (`fail-on: warning`).\n';
  if (o.failOn === 'never' && result.errors > 0) markdown += '\nThe step did not fail (`fail-on: never`).\n';
  if (inferred) markdown += `\nWrote a schema inferred from the data to ${escapeText(inferred.path)}.\n`;

  const section: NewSection = {
    action: 'validate-data',
    id: sectionId(o.data),
    stage: 'data',
    title: sectionTitle(o.data),
    status,
    summary: summaryLine(result),
    markdown,
    data: result,
  };
  const run = { result, failed, reason, problems, section, inferred };
  return { ...run, resultJson: await saveValidation(o.reportDir, run) };
}

/**
 * The section's title: the same whether the step succeeds or its failing section takes the place
 * (the adapter's and the CLI's section slot use it too).
 */
export function sectionTitle(data: string[]): string {
  return `Data validation: ${shorten(data.join(', '), 60)}`;
}

/** Stable per data input, so a second validate-data step in a job gets its own section. */
export function sectionId(data: string[]): string {
  const slug = data
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return slug ? `validate-data-${slug}` : 'validate-data';
}

function summaryLine(r: ValidationResult): string {
  const unreadable = r.checks.find((c) => !c.passed && (c.check === 'readable' || c.check === 'schema'));
  if (unreadable)
    return `${unreadable.check === 'schema' ? 'invalid schema' : 'unreadable data'}: ${shorten(unreadable.note ?? String(unreadable.examples[0]?.value ?? ''), 120)}`;
  const drift = r.reference ? `; ${r.drift.filter((d) => d.drifted).length} of ${r.drift.length} columns drifted` : '';
  const size = `${formatCount(r.rows)} rows, ${r.columns} columns`;
  if (r.checks.length === 0) return `${size}: read without errors (no schema)${drift}`;
  if (r.errors === 0 && r.warnings === 0) return `${size}: all ${r.checks.length} checks passed${drift}`;
  return `${[r.errors && count(r.errors, 'error'), r.warnings && count(r.warnings, 'warning')].filter(Boolean).join(', ')} in ${size}${drift}`;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const shorten = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

/** A schema that only names columns and their kinds, for drift when the user gave none. */
function driftOnly(inferred: DataSchema): DataSchema {
  const columns: DataSchema['columns'] = {};
  for (const [name, spec] of Object.entries(inferred.columns ?? {})) {
    columns[name] = { type: spec.type, nullable: true, ...(spec.unique ? { drift: false as const } : {}) };
  }
  return { columns, nulls: inferred.nulls };
}

/** The result of a run that could not read its data or schema: one failed check that says where. */
function unreadable(e: UserError, check: 'readable' | 'schema', files: string[]): ValidationResult {
  const c: CheckResult = {
    column: null,
    check,
    severity: 'error',
    passed: false,
    failed_rows: 0,
    examples: e.file && e.line ? [{ value: e.message, file: e.file, line: e.line }] : [],
    expected: check === 'schema' ? 'a valid schema' : 'a well-formed file',
  };
  if (c.examples.length === 0) c.note = e.file ? `${e.file}: ${e.message}` : e.message;
  return {
    passed: false,
    rows: 0,
    columns: 0,
    checks: [c],
    drift: [],
    column_names: [],
    rows_validated: 0,
    sampled: false,
    files: files.map((file) => ({ file, format: formatFromName(file) ?? 'unknown', gzip: /\.gz$/i.test(file), rows: 0 })),
    errors: 1,
    warnings: 0,
    notes: [],
  };
}

/** Names every file in the result as the user knows it (workspace-relative, `path@ref`). */
function relabel(r: ValidationResult, label: (f: string) => string): void {
  for (const f of r.files) f.file = label(f.file);
  for (const c of r.checks) {
    for (const e of c.examples) e.file = e.file.split(', ').map(label).join(', ');
    if (c.note && (c.check === 'readable' || c.check === 'schema')) c.note = c.note.replace(/^[^:]+(?=: )/, (f) => label(f));
  }
  if (r.reference) r.reference.files = r.reference.files.map(label);
}

/**
 * Writes the run's section and its result JSON into the report directory; the JSON lives in the
 * section's own folder, so it travels with the report bundle. Returns the JSON's path.
 */
async function saveValidation(reportDir: string, run: Omit<ValidationRun, 'resultJson'>): Promise<string> {
  const json = resolve(reportDir, run.section.id, 'result.json');
  await mkdir(dirname(json), { recursive: true });
  await writeFile(json, JSON.stringify(run.result, null, 2) + '\n');
  await writeSection(reportDir, run.section);
  return json;
}
