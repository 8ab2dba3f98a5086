import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { isUserError, type Problem } from '@mlci/core/errors';
import {
  amendWithFailure,
  defaultReportDir,
  errorProblem,
  failureSection,
  readSection,
  runFromEnv,
  sameRun,
  sectionFile,
  writeSection,
  type SectionSlot,
} from '@mlci/core/section';
import { stepSummary } from '@mlci/core/report';
import { eventContext } from './context.js';
import { forgetSecrets } from './inputs.js';
import { writeSummary } from './summary.js';

/** Problems from the core become annotations on the file and line they name. */
export function annotate(p: Problem): void {
  const given: core.AnnotationProperties = {
    title: p.title,
    file: p.file,
    startLine: p.line,
    startColumn: p.line !== undefined ? p.column : undefined,
  };
  // `::error ::message` with nothing between: keep the plain form for a problem without a place.
  const props = Object.values(given).some((v) => v !== undefined) ? given : undefined;
  if (p.severity === 'error') core.error(p.message, props);
  else if (p.severity === 'warning') core.warning(p.message, props);
  else core.notice(p.message, props);
}

/**
 * Fails the step, annotating each error once: `core.setFailed` annotates too, so it is not used
 * after an annotation. `annotated`: the errors this failure sums up were annotated already (at
 * their lines), so the verdict goes to the log only.
 */
export function fail(p: Problem | string, o: { annotated?: boolean } = {}): void {
  const problem: Problem = typeof p === 'string' ? { severity: 'error', message: p } : p;
  if (o.annotated) core.info(problem.message);
  else annotate(problem);
  process.exitCode = 1;
}

export function workspace(): string {
  return process.env.GITHUB_WORKSPACE ?? process.cwd();
}

/** Where a step may write what is its own and not the user's (the runner empties it after the job). */
export function runnerTemp(): string {
  return process.env.RUNNER_TEMP ?? tmpdir();
}

/** A new folder of the step's own under RUNNER_TEMP, named `<prefix>-XXXXXX`. */
export function stepTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(runnerTemp(), `${prefix}-`));
}

/** Writes a file of the step's own under RUNNER_TEMP (for a later step to read) and returns its path. */
export async function writeStepFile(name: string, content: string): Promise<string> {
  const file = join(runnerTemp(), name);
  await writeFile(file, content);
  return file;
}

/** The `report-dir` input every mlci action has, resolved against the workspace. */
export function reportDir(): string {
  return resolve(workspace(), core.getInput('report-dir').trim() || defaultReportDir());
}

export interface ActionSpec {
  /** The action's name, as its sections record it. */
  action: string;
  /**
   * The section the action writes when it succeeds, so that a failure takes its place (same id).
   * Called only on failure, after the inputs were read as far as they could be.
   */
  section: () => Omit<SectionSlot, 'action'>;
}

/**
 * What the body returns: the section file it wrote, for the step summary; undefined when the
 * action writes its own summary (comment-report).
 */
export type ActionBody = () => Promise<string | undefined>;

/**
 * Runs an action's body. It shows the section the body wrote on the step summary. When the body
 * throws, the step fails with one annotation at the error's place (a UserError) or as our bug
 * (anything else; the stack goes to the debug log), and the action's failing section is written
 * in place of its own, so the report never says pass for what did not run.
 */
let abandoned = false;

/**
 * Says that a request was given up on while still open (a client that takes no timeout, see
 * artifacts.ts): its socket would keep Node alive, so runAction exits once the step has reported.
 */
export function abandonPendingWork(): void {
  abandoned = true;
}

export async function runAction(spec: ActionSpec, body: ActionBody): Promise<void> {
  // A step starts with nothing of an earlier one run in the same process (an in-process test).
  abandoned = false;
  forgetSecrets();
  const started = new Date().toISOString();
  let written: string | undefined;
  try {
    written = await body();
  } catch (e) {
    if (!isUserError(e)) core.debug((e as Error)?.stack ?? String(e));
    const problem = errorProblem(e, workspace());
    fail(problem);
    written = await writeFailure(spec, e, started);
  }
  if (written) await showOnStepSummary(written);
  // Output, summary and section files are written synchronously or awaited above, and stdout to
  // the runner is a pipe (synchronous on Linux): nothing is lost by exiting here. An in-process
  // test stands in for process.exit (test/support/in-process.ts), so this never ends its worker.
  if (abandoned) process.exit();
}

async function writeFailure(spec: ActionSpec, error: unknown, started: string): Promise<string | undefined> {
  try {
    let slot: Omit<SectionSlot, 'action'>;
    try {
      slot = spec.section();
    } catch {
      slot = { id: spec.action, stage: 'other', title: spec.action };
    }
    const dir = reportDir();
    const failure = failureSection({ action: spec.action, ...slot }, error, { workspace: workspace() });
    const mine = await readSection(sectionFile(dir, slot.id), { own: true }).catch(() => undefined);
    const now = runFromEnv();
    const thisStep = mine !== undefined && mine.created >= started && (!mine.run || !now || sameRun(mine.run, now));
    return await writeSection(dir, thisStep ? amendWithFailure(mine, failure) : failure);
  } catch (e) {
    core.warning(`mlci could not write the failing section of ${spec.action} into the report directory: ${(e as Error)?.message ?? String(e)}`);
    return undefined;
  }
}

/** The step summary shows the section; the section then says so, for comment-report's summary. */
async function showOnStepSummary(file: string): Promise<void> {
  try {
    const section = await readSection(file, { own: true });
    await writeSummary(stepSummary(section, { fullReportUrl: eventContext().runUrl }));
    await writeSection(dirname(file), { ...section, summarized: true });
  } catch (e) {
    core.warning(`mlci could not write the step summary: ${(e as Error)?.message ?? String(e)}`);
  }
}
