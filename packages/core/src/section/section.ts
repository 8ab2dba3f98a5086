import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { readContained } from '../files/contained.js';
import { writerRun, type SectionRun } from './run-identity.js';
import { validate as validateSection } from './section-schema.validate.js';
import { SECTION_SCHEMA, STAGE_ORDER, type Stage } from './section-schema.js';

/**
 * The report bundle is how actions talk to each other: every action writes one section file into
 * the job's report directory and comment-report reads them all. Plain files, so a bundle can travel
 * as an artifact to another job or workflow and the CLI can build the same report on a laptop.
 *
 * Layout of a report directory:
 *   <dir>/<id>.section.json   one per section (this schema)
 *   <dir>/<id>/...            the section's assets (images, specs); paths in the section are
 *                             relative to <dir>
 */
export { SECTION_SCHEMA, STAGE_ORDER };

export type Status = 'pass' | 'warn' | 'fail' | 'info';
export type { Stage };

/** Worst first: the order in which statuses win when sections are combined. */
export const STATUS_RANK: Record<Status, number> = { fail: 3, warn: 2, pass: 1, info: 0 };

export interface SectionImage {
  /** Path of the image file, relative to the report directory. */
  path: string;
  alt: string;
  /**
   * Markdown shown instead of the image when images cannot be published (no write access):
   * a mermaid chart or a table.
   */
  fallback?: string;
}

export interface Section {
  schema: typeof SECTION_SCHEMA;
  /** The action that wrote it: `validate-data`, `compare-metrics`, ... or `markdown` for user files. */
  action: string;
  /** Unique within a report directory; also the file name. Letters, digits, `.`, `_`, `-`. */
  id: string;
  stage: Stage;
  title: string;
  status: Status;
  /** One line, shown when the section is folded or cut. */
  summary: string;
  /** The section's body. Images are referenced by their `path`, e.g. `![ROC](compare/roc.png)`. */
  markdown: string;
  /** Structured data for machines (the diff JSON, the validation result ...). */
  data?: unknown;
  images?: SectionImage[];
  /** ISO time the section was written. */
  created: string;
  /** The run that wrote it (see run-identity.ts); absent in sections from before runs were recorded. */
  run?: SectionRun;
  /**
   * True once the writing step showed the section on its own step summary, so comment-report's
   * summary (on the same job's page) does not show it a second time.
   */
  summarized?: boolean;
}

const SUFFIX = '.section.json';

export type NewSection = Omit<Section, 'schema' | 'created'> & { created?: string };

/** Where the section `id` of a report directory lives. */
export function sectionFile(dir: string, id: string): string {
  return join(dir, id + SUFFIX);
}

/**
 * Writes a section atomically (temp file + rename) so a reader never sees half a file. The
 * section records the run that wrote it unless it says so itself.
 */
export async function writeSection(dir: string, section: NewSection, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const full: Section = { schema: SECTION_SCHEMA, created: new Date().toISOString(), ...section };
  full.run ??= await writerRun(dir, env);
  if (!validateSection(full)) {
    throw new Error(`invalid report section ${section.id}: ${JSON.stringify(validateSection.errors)}`);
  }
  await mkdir(dir, { recursive: true });
  const file = sectionFile(dir, full.id);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(full, null, 2) + '\n');
  await rename(tmp, file);
  return file;
}

/** Reads every section of a report directory. A missing directory is an empty report. */
export async function readSections(dir: string): Promise<Section[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const sections: Section[] = [];
  for (const name of names.filter((n) => n.endsWith(SUFFIX)).sort()) sections.push(await readSection(join(dir, name)));
  return sections;
}

/**
 * Reads one section file; one that is not valid JSON or not a section names the file. `own`: the
 * file the calling step itself just wrote (its report directory may lie outside the workspace),
 * so it is read without the workspace boundary.
 */
export async function readSection(file: string, o: { own?: boolean } = {}): Promise<Section> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(o.own ? await readFile(file, 'utf8') : await readContained(file, { input: 'report-dir' }, 'utf8'));
  } catch (e) {
    if (isUserError(e)) throw e;
    throw new UserError(`report section is not valid JSON: ${(e as Error).message}`, { file });
  }
  if (!validateSection(parsed)) {
    const first = validateSection.errors?.[0];
    throw new UserError(`report section does not match ${SECTION_SCHEMA}: ${first?.instancePath || '/'} ${first?.message}`, { file });
  }
  return parsed as unknown as Section;
}

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'info';
  for (const s of statuses) if (STATUS_RANK[s] > STATUS_RANK[worst]) worst = s;
  return worst;
}

/** Orders sections by stage (data, training, tests, metrics, model), keeping write order within a stage. */
export function orderSections(sections: Section[]): Section[] {
  return sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => STAGE_ORDER.indexOf(a.s.stage) - STAGE_ORDER.indexOf(b.s.stage) || a.s.created.localeCompare(b.s.created) || a.i - b.i)
    .map(({ s }) => s);
}

/** The report directory every action shares unless told otherwise. */
export function defaultReportDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MLCI_REPORT_DIR) return env.MLCI_REPORT_DIR;
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'mlci-report');
  return join('.mlci', 'report');
}
