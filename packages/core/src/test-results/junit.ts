import type { Readable } from 'node:stream';
// saxes rather than fast-xml-parser: a JUnit file of a large suite (system-out of every test) can
// be hundreds of megabytes, and fast-xml-parser takes the whole document as one string. saxes is
// a streaming, well-kept, conformant parser (it refuses undeclared entities, so no entity
// expansion attack gets through) that reports line and column for every error.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UserError } from '../errors.js';
import { insideWorkspace } from './location.js';
import { LIMITS, type Outcome, type TestCase, type TestRun, type TestSuiteResult } from './model.js';

// A Map, not an object: `constructor` or `__proto__` elements must not read as outcomes.
const FAILURES = new Map<string, Outcome>([
  ['failure', 'failed'],
  ['error', 'error'],
  ['skipped', 'skipped'],
]);
/** A failed attempt before the one that counted: Surefire's flaky*, pytest-rerunfailures' rerun*. */
const RETRIES = new Set(['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']);

/**
 * Reads a JUnit XML file as a stream, in the dialects the tools write: pytest (xunit1 and xunit2),
 * unittest-xml-reporting, jest-junit, Vitest, go-junit-report and Maven Surefire. Counts come from
 * the test cases, never from the suites' attributes, which some tools leave out or get wrong.
 * A file that is not well-formed XML, or passes a bound (LIMITS), is a UserError at its line.
 */
export async function parseJunit(stream: Readable, file: string, workspace: string): Promise<TestRun> {
  const parser = new SaxesParser({ position: true });
  const suites: TestSuiteResult[] = [];
  const open: SaxesTagPlain[] = [];
  const suiteStack: TestSuiteResult[] = [];
  let current: (TestCase & { sawRetry: boolean; sawResult: boolean }) | undefined;
  let text: string[] | undefined;
  let textLength = 0;
  let cases = 0;
  let sinceEvent = 0;
  let sawRoot = false;
  let failure: Error | undefined;

  const fail = (message: string) => {
    throw new UserError(message, { file, line: parser.line, column: parser.column });
  };
  const keep = (t: string) => {
    sinceEvent = 0;
    if (!text || textLength >= LIMITS.details) return;
    const piece = t.slice(0, LIMITS.details - textLength);
    text.push(piece);
    textLength += piece.length;
  };

  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    sinceEvent = 0;
    const node = tag as SaxesTagPlain;
    if (open.length >= LIMITS.depth) fail(`JUnit XML nested deeper than ${LIMITS.depth} elements`);
    for (const [name, value] of Object.entries(node.attributes)) {
      if (value.length > LIMITS.attribute) fail(`attribute ${name} of <${node.name}> is longer than ${LIMITS.attribute.toLocaleString('en-US')} characters`);
    }
    if (!sawRoot) {
      sawRoot = true;
      if (node.name !== 'testsuites' && node.name !== 'testsuite')
        fail(`not a JUnit XML file: the root element is <${node.name}>, not <testsuites> or <testsuite>`);
    }
    open.push(node);
    const a = node.attributes;
    if (node.name === 'testsuite') {
      const suite: TestSuiteResult = { name: own(a.name || a.package || file), time: seconds(a.time), cases: [] };
      suites.push(suite);
      suiteStack.push(suite);
    } else if (node.name === 'testcase') {
      if (++cases > LIMITS.cases) fail(`more than ${LIMITS.cases.toLocaleString('en-US')} test cases`);
      const suite = suiteStack.at(-1);
      const where = a.file ? insideWorkspace(a.file, workspace) : undefined;
      // pytest's xunit1 `line` is 0-based (its item location) and names the test's `def`, not the
      // failing line: one more, and a failure's traceback frame may place it better (read.ts).
      const pytest = open.some(
        (n) => (n.name === 'testsuite' && n.attributes.name === 'pytest') || (n.name === 'testsuites' && n.attributes.name === 'pytest tests'),
      );
      const line = Number(a.line) + (pytest && a.line !== undefined && a.line !== '' ? 1 : 0);
      current = {
        suite: suite?.name ?? '',
        name: own(a.name ?? ''),
        ...(a.classname ? { classname: own(a.classname) } : {}),
        outcome: 'passed',
        flaky: false,
        ...(seconds(a.time) !== undefined ? { time: seconds(a.time) } : {}),
        ...(where ? { file: own(where) } : {}),
        ...(where && Number.isSafeInteger(line) && line > 0 ? { line } : {}),
        ...(where && pytest ? { atDefinition: true } : {}),
        sawRetry: false,
        sawResult: false,
      };
      if (!suite) {
        // A bare <testcase> under <testsuites> (some tools): its own unnamed suite.
        const lone: TestSuiteResult = { name: a.classname || file, cases: [] };
        suites.push(lone);
        suiteStack.push(lone);
      }
    } else if (current && open.length >= 2 && open[open.length - 2].name === 'testcase') {
      if (FAILURES.has(node.name) && !current.sawResult) {
        current.sawResult = true;
        current.outcome = FAILURES.get(node.name)!;
        if (a.message) current.message = own(a.message);
        text = [];
        textLength = 0;
      } else if (RETRIES.has(node.name)) {
        current.sawRetry = true;
        if (!current.sawResult && a.message && !current.message) current.message = own(a.message);
      }
    }
  });
  parser.on('text', keep);
  parser.on('cdata', keep);
  parser.on('closetag', (tag) => {
    sinceEvent = 0;
    const node = open.pop()!;
    if (FAILURES.has(tag.name) && current && text) {
      const details = text.join('').trim();
      if (details) current.details = own(details);
      text = undefined;
    } else if (tag.name === 'testcase' && current) {
      const { sawRetry, sawResult, ...t } = current;
      // Passed after failed attempts: flaky. Failed on every attempt: a failure, not flaky.
      t.flaky = sawRetry && t.outcome === 'passed';
      const suite = suiteStack.at(-1)!;
      suite.cases.push(t);
      if (!open.some((n) => n.name === 'testsuite')) suiteStack.pop();
      current = undefined;
    } else if (node.name === 'testsuite') {
      suiteStack.pop();
    }
  });

  // A character's bytes may be split across two chunks: the decoder carries them over.
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true });
      sinceEvent += s.length;
      parser.write(s);
      if (failure) break;
      if (sinceEvent > LIMITS.textRun) fail(`a text node longer than ${LIMITS.textRun.toLocaleString('en-US')} characters`);
    }
    if (!failure) parser.write(decoder.decode());
    if (!failure) parser.close();
  } catch (e) {
    if (e instanceof UserError) throw e;
    failure ??= e as Error;
  } finally {
    stream.destroy();
  }
  if (failure) throw xmlError(failure, file, parser);
  if (!sawRoot) throw new UserError('not a JUnit XML file: it has no <testsuites> or <testsuite> element', { file, line: 1 });
  for (const s of suites) s.time ??= s.cases.reduce((sum, c) => sum + (c.time ?? 0), 0);
  return { file, format: 'junit', suites };
}

/** saxes says `file:line:column: message`; the place goes into the error, the message stays. */
function xmlError(e: Error, file: string, parser: SaxesParser): UserError {
  const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(e.message);
  if (m) return new UserError(`invalid XML: ${m[3]}`, { file, line: Number(m[1]), column: Number(m[2]) });
  return new UserError(`invalid XML: ${e.message}`, { file, line: parser.line, column: parser.column });
}

/**
 * A copy that does not share memory with the chunk it came from: V8 keeps a substring as a view of
 * its parent string, so a test name kept from every 64 KB chunk would keep the whole file alive.
 */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function seconds(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  // Some tools write thousands separators (`1,234.5`).
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
