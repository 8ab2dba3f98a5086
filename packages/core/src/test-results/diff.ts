import { isFailing, testKey, type TestCase, type TestRun } from './model.js';

export interface TestsDiff {
  newlyFailing: TestCase[];
  newlyPassing: TestCase[];
  stillFailing: TestCase[];
}

/**
 * Head against base by test identity (suite, class, name). A test new in the head that fails is
 * newly failing; a test that failed on the base and passes now is newly passing. Tests gone from
 * the head are not reported as passing: nothing says they would.
 */
export function diffRuns(head: TestRun[], base: TestRun[]): TestsDiff {
  const before = new Map<string, TestCase>();
  for (const t of base.flatMap(cases)) before.set(testKey(t), t);
  const d: TestsDiff = { newlyFailing: [], newlyPassing: [], stillFailing: [] };
  for (const t of head.flatMap(cases)) {
    const b = before.get(testKey(t));
    if (isFailing(t)) (b && isFailing(b) ? d.stillFailing : d.newlyFailing).push(t);
    else if (t.outcome === 'passed' && b && isFailing(b)) d.newlyPassing.push(t);
  }
  return d;
}

function cases(r: TestRun): TestCase[] {
  return r.suites.flatMap((s) => s.cases);
}
