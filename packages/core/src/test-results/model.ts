/** What a test run's result files say, whatever tool wrote them (JUnit XML or TAP). */
export type Outcome = 'passed' | 'failed' | 'error' | 'skipped';

export interface TestCase {
  /** The suite it belongs to (a testsuite's name, a TAP file's subtest), for grouping. */
  suite: string;
  name: string;
  classname?: string;
  outcome: Outcome;
  /** Failed, then passed on a rerun (pytest-rerunfailures, Surefire's rerunFailingTestsCount). */
  flaky: boolean;
  /** Seconds. */
  time?: number;
  /** The failure's one-line message, as the tool gave it (not escaped). */
  message?: string;
  /** The failure's text (traceback, diff), bounded. */
  details?: string;
  /** Where the test (or its failure) is, relative to the workspace with forward slashes. */
  file?: string;
  line?: number;
  /**
   * `file` and `line` name where the test is defined, not where it failed (pytest's xunit1
   * attributes): a failure's traceback frame in the workspace, when there is one, places it better.
   */
  atDefinition?: boolean;
}

export interface TestSuiteResult {
  name: string;
  /** Seconds, as the tool reported it; else the sum of its cases'. */
  time?: number;
  cases: TestCase[];
}

export interface TestRun {
  /** The result file, relative to the workspace. */
  file: string;
  format: 'junit' | 'tap';
  suites: TestSuiteResult[];
}

export interface Counts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  flaky: number;
}

export function countCases(cases: Iterable<TestCase>): Counts {
  const c: Counts = { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
  for (const t of cases) {
    c.tests++;
    if (t.outcome === 'passed') c.passed++;
    else if (t.outcome === 'failed') c.failed++;
    else if (t.outcome === 'error') c.errors++;
    else c.skipped++;
    if (t.flaky) c.flaky++;
  }
  return c;
}

/** Failed or errored: what makes a run fail. */
export function isFailing(t: TestCase): boolean {
  return t.outcome === 'failed' || t.outcome === 'error';
}

/** How a test is known across runs (the baseline diff): its suite, class and name. */
export function testKey(t: TestCase): string {
  return [t.suite, t.classname ?? '', t.name].join('\u0000');
}

/** Bounds every result file is held to: a test report is the PR's word, possibly hostile. */
export const LIMITS = {
  /** Element nesting; JUnit needs 4 (testsuites > testsuite > testcase > failure), Surefire 5. */
  depth: 32,
  /** Characters of one attribute value. */
  attribute: 1024 * 1024,
  /** Test cases across one file. */
  cases: 200_000,
  /** Characters kept of one failure's text; the rest is cut, not refused. */
  details: 16 * 1024,
  /** Bytes the parser may take in without reaching a tag: saxes buffers a text node whole. */
  textRun: 32 * 1024 * 1024,
  /** TAP: bytes of one line. */
  line: 1024 * 1024,
} as const;
