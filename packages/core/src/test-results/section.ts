import { isUserError, type Problem, type UserError } from '../errors.js';
import { resolveFiles } from '../files/globs.js';
import { type BaselineServices, openBaseline } from '../baseline/open.js';
import type { ChosenBaseline, SaveBaseline } from '../baseline/spec.js';
import { baselineName, type BaselineCache } from '../baseline/cache.js';
import { storeBaseline } from '../baseline/store.js';
import type { Repo } from '../forge/api.js';
import { codeSpan, escapeText, table } from '../section/escape.js';
import type { NewSection, Status } from '../section/section.js';
import { diffRuns, type TestsDiff } from './diff.js';
import { countCases, isFailing, testKey, type Counts, type TestCase, type TestRun } from './model.js';
import { parseResultBytes, readTestResults } from './read.js';

export type TestsFailOn = 'failure' | 'never';

export interface TestsSectionOptions {
  /** Result files and globs, relative to the workspace (the `tests` input). */
  patterns: string[];
  workspace: string;
  /** `never`: failing tests make the section warn, not fail. A file that cannot be read always fails. */
  failOn: TestsFailOn;
  /** Where links to a test's file and line point: this commit (the PR's head) of this repository. */
  links?: { serverUrl: string; repo: Repo; sha: string };
  /** The base run's result files, found the way compare-metrics finds its baseline. */
  baseline?: ChosenBaseline;
  services?: BaselineServices;
  /**
   * Stores this run's result files as the baseline later runs compare with, where `storeBaseline`
   * lets it (never from a pull request, never with an unreadable file): where later runs read it
   * (baseline/spec.ts, saveWhereRead).
   */
  save?: {
    as: SaveBaseline;
    eventName: string;
    sha: string;
    cache?: BaselineCache;
    upload?: (name: string, dir: string) => Promise<unknown>;
    tempDir?: string;
  };
}

/** The name of the test results' stored baseline: apart from compare-metrics' by its prefix. */
export function testsBaselineName(patterns: string[]): string {
  return `tests-${baselineName(patterns)}`;
}

export interface TestsReport {
  section: NewSection;
  /** One per failing test that names its file and line, for annotations on the PR's diff. */
  annotations: Problem[];
  /** Warnings about the baseline, for the log. */
  problems: Problem[];
  counts: Counts;
  diff?: TestsDiff;
}

export const TESTS_SECTION_ID = 'tests';
/** Failing tests shown with their message; the rest are counted. A comment holds 65,536 characters. */
const SHOWN_FAILURES = 50;
const MESSAGE_CHARS = 500;
const DETAILS_CHARS = 2000;

/**
 * The Tests section: counts per suite, the failing tests first (message, a link to their file and
 * line at the head commit), the diff against the base run when there is one, flaky tests marked.
 * A result file that cannot be read is a failure at its file and line: the report never says pass
 * for tests it could not see.
 */
export async function buildTestsSection(o: TestsSectionOptions): Promise<TestsReport> {
  // No result file (the test command died before writing one) is a failure, not an empty pass.
  const files = await resolveFiles(o.patterns, o.workspace, 'tests').catch((e: unknown) => {
    if (isUserError(e)) return e;
    throw e;
  });
  const { runs, errors } = Array.isArray(files) ? await readTestResults(files, o.workspace) : { runs: [], errors: [files] };
  const problems: Problem[] = [];
  let diff: TestsDiff | undefined;
  let baseLabel: string | undefined;
  if (o.baseline && o.baseline.kind !== 'none') {
    const head = runs.map((r) => r.file);
    // A baseline that cannot be found is said in the section; it never hides this run's results.
    const opened = await openBaseline(o.baseline, { ...o.services, workspace: o.workspace, headMetrics: head, name: testsBaselineName(o.patterns) }).catch(
      (e: unknown) => {
        if (!isUserError(e)) throw e;
        const message = e.message.replace(/^input "baseline"/, 'input "tests-baseline"');
        problems.push({ severity: 'warning', title: 'No baseline for the test results', message });
        return { label: message, source: undefined };
      },
    );
    baseLabel = opened.label;
    if (opened.source) {
      const base: TestRun[] = [];
      for (const file of head) {
        const bytes = await opened.source.read(file);
        if (!bytes) continue;
        try {
          base.push(await parseResultBytes(bytes, file, o.workspace));
        } catch (e) {
          // The base run's file is history, not this change's fault: compared as missing.
          problems.push({
            severity: 'warning',
            title: 'Baseline test results skipped',
            message: `the baseline's ${file} (${opened.label}) cannot be read: ${(e as Error).message}`,
          });
        }
      }
      if (base.length > 0) diff = diffRuns(runs, base);
      else baseLabel = `${opened.label} holds none of the result files`;
    }
  }

  if (o.save) {
    const stored = await storeBaseline(o.save.as, {
      ...o.save,
      workspace: o.workspace,
      name: testsBaselineName(o.patterns),
      files: runs.map((r) => r.file),
      // Failing tests are the base's truth (a later "still failing" needs them); unreadable files are not.
      passed: errors.length === 0,
    });
    if (o.save.as.kind !== 'none') problems.push({ severity: 'notice', message: `Test results: ${stored.message}` });
  }

  const all = runs.flatMap((r) => r.suites.flatMap((s) => s.cases));
  const counts = countCases(all);
  const failing = all.filter(isFailing);
  const status: Status = errors.length > 0 ? 'fail' : failing.length > 0 ? (o.failOn === 'failure' ? 'fail' : 'warn') : counts.tests === 0 ? 'warn' : 'pass';
  const markdown = [
    ...errors.map((e) => (e.file ? `❌ ${codeSpan(placeOf(e))} cannot be read as test results: ${escapeText(e.message)}` : `❌ ${escapeText(e.message)}`)),
    counts.tests > 0 || errors.length === 0 ? headline(counts, runs) : '',
    suiteTable(runs),
    failingList(failing, diff, o.links),
    diff ? diffList(diff, baseLabel!) : baseLabel ? `<sub>No baseline: ${escapeText(baseLabel)}.</sub>` : '',
    flakyList(all.filter((t) => t.flaky)),
  ].filter((s) => s !== '');

  const annotations: Problem[] = failing
    .filter((t) => t.file && t.line)
    .map((t) => ({
      severity: o.failOn === 'failure' ? 'error' : 'warning',
      title: `Test ${t.outcome === 'error' ? 'error' : 'failed'}: ${displayName(t)}`,
      message: trimmed(t.message ?? t.details ?? 'failed', MESSAGE_CHARS),
      file: t.file,
      line: t.line,
    }));
  for (const e of errors) {
    annotations.push({
      severity: 'error',
      title: 'Test results unreadable',
      message: e.message,
      ...(e.file ? { file: e.file, line: e.line, column: e.column } : {}),
    });
  }

  return {
    section: {
      action: 'tests',
      id: TESTS_SECTION_ID,
      stage: 'tests',
      title: 'Tests',
      status,
      summary: summaryLine(counts, errors.length, diff),
      markdown: markdown.join('\n\n'),
      data: { counts, files: runs.map((r) => r.file), errors: errors.map((e) => ({ file: e.file, line: e.line, message: e.message })) },
    },
    annotations,
    problems,
    counts,
    diff,
  };
}

function headline(c: Counts, runs: TestRun[]): string {
  const time = runs.flatMap((r) => r.suites).reduce((s, x) => s + (x.time ?? 0), 0);
  return `**${c.tests} tests**: ${parts(c).join(', ')} · ${formatSeconds(time)}`;
}

function parts(c: Counts): string[] {
  const p = [`${c.passed} passed`];
  if (c.failed) p.push(`${c.failed} failed`);
  if (c.errors) p.push(`${c.errors} error${c.errors === 1 ? '' : 's'}`);
  if (c.skipped) p.push(`${c.skipped} skipped`);
  if (c.flaky) p.push(`${c.flaky} flaky`);
  return p;
}

function summaryLine(c: Counts, unreadable: number, diff: TestsDiff | undefined): string {
  const bits = unreadable ? [`${unreadable} result file(s) unreadable`] : [];
  if (c.tests > 0 || !unreadable) bits.push(`${c.tests} tests: ${parts(c).join(', ')}`);
  if (diff?.newlyFailing.length) bits.push(`${diff.newlyFailing.length} newly failing`);
  return bits.join('; ');
}

function suiteTable(runs: TestRun[]): string {
  const suites = runs.flatMap((r) => r.suites).filter((s) => s.cases.length > 0);
  if (suites.length === 0) return '';
  const rows = suites.map((s) => {
    const c = countCases(s.cases);
    return [escapeText(s.name), String(c.passed), String(c.failed), String(c.errors), String(c.skipped), formatSeconds(s.time ?? 0)];
  });
  return table(['Suite', 'Passed', 'Failed', 'Errors', 'Skipped', 'Time'], rows, ['l', 'r', 'r', 'r', 'r', 'r']);
}

function failingList(failing: TestCase[], diff: TestsDiff | undefined, links: TestsSectionOptions['links']): string {
  if (failing.length === 0) return '';
  const fresh = new Set((diff?.newlyFailing ?? []).map(testKey));
  // Newly failing first: they are what this change did.
  const ordered = [...failing].sort((a, b) => Number(fresh.has(testKey(b))) - Number(fresh.has(testKey(a))));
  const items = ordered.slice(0, SHOWN_FAILURES).map((t) => {
    const where = t.file ? ` — ${locationLink(t, links)}` : '';
    const tag = diff ? (fresh.has(testKey(t)) ? ' _(newly failing)_' : ' _(still failing)_') : '';
    const lines = [`- ❌ **${escapeText(displayName(t))}**${where}${tag}`];
    if (t.message) lines.push(`  > ${escapeText(trimmed(t.message, MESSAGE_CHARS))}`);
    if (t.details) lines.push('', indent(`<details><summary>Output</summary>\n\n${fenced(trimmed(t.details, DETAILS_CHARS))}\n\n</details>`));
    return lines.join('\n');
  });
  const more = failing.length > SHOWN_FAILURES ? `\n\n_and ${failing.length - SHOWN_FAILURES} more failing tests_` : '';
  return `#### Failing\n\n${items.join('\n')}${more}`;
}

function diffList(d: TestsDiff, label: string): string {
  const line = (what: string, ts: TestCase[]) =>
    `- ${what}: ${ts.length}${
      ts.length
        ? ` — ${ts
            .slice(0, 20)
            .map((t) => escapeText(displayName(t)))
            .join(', ')}${ts.length > 20 ? ', …' : ''}`
        : ''
    }`;
  return [
    `#### Against the base run`,
    '',
    line('Newly failing', d.newlyFailing),
    line('Newly passing', d.newlyPassing),
    line('Still failing', d.stillFailing),
    '',
    `<sub>Baseline: ${escapeText(label)}.</sub>`,
  ].join('\n');
}

function flakyList(flaky: TestCase[]): string {
  if (flaky.length === 0) return '';
  return `#### Flaky\n\n${flaky.map((t) => `- ⚠️ **${escapeText(displayName(t))}** — failed, then passed on a retry`).join('\n')}`;
}

function locationLink(t: TestCase, links: TestsSectionOptions['links']): string {
  const text = escapeText(`${t.file}:${t.line ?? ''}`.replace(/:$/, ''));
  if (!links) return text;
  const path = t.file!.split('/').map(encodeURIComponent).join('/');
  return `[${text}](${links.serverUrl}/${links.repo.owner}/${links.repo.repo}/blob/${links.sha}/${path}${t.line ? `#L${t.line}` : ''})`;
}

export function displayName(t: TestCase): string {
  return t.classname && !t.name.startsWith(t.classname) ? `${t.classname}.${t.name}` : t.name;
}

function placeOf(e: UserError): string {
  return [e.file, e.line, e.column].filter((x) => x !== undefined).join(':');
}

function trimmed(s: string, max: number): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function fenced(s: string): string {
  const longest = Math.max(2, ...(s.match(/`{3,}|~{3,}/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${s}\n${fence}`;
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
}

function formatSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)} s` : s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
