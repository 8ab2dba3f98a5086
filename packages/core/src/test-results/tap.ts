import type { Readable } from 'node:stream';
// tap-parser is node-tap's own parser: TAP 13 and 14, subtests, YAML diagnostics (through the
// `yaml` library), streaming. Hand-writing TAP's corner cases (pragmas, bail out, buffered
// subtests) would only get them wrong.
import { Parser, type Result } from 'tap-parser';
import { UserError } from '../errors.js';
import { insideWorkspace } from './location.js';
import { LIMITS, type TestCase, type TestRun, type TestSuiteResult } from './model.js';

/**
 * Reads a TAP stream (TAP 13/14, as node:test, tape, node-tap and bats write it). Subtests nest;
 * a test point is a case of the top-level subtest it sits in (the file's own name for points at the
 * top). A file TAP calls broken (no plan, a plan the points do not match) is a UserError at the
 * line where that became clear.
 */
export async function parseTap(stream: Readable, file: string, workspace: string): Promise<TestRun> {
  const suites = new Map<string, TestSuiteResult>();
  let cases = 0;
  let line = 0;
  let sinceNewline = 0;
  let failure: UserError | undefined;
  const fail = (message: string) => {
    failure ??= new UserError(message, { file, line: Math.max(line, 1) });
  };

  const watch = (p: Parser, depth: number, top: string | undefined) => {
    if (depth > LIMITS.depth) fail(`TAP subtests nested deeper than ${LIMITS.depth} levels`);
    p.on('child', (child: Parser) => watch(child, depth + 1, top ?? child.name));
    p.on('assert', (r: Result) => {
      // A subtest's closing point sums up its children, which were counted one by one.
      if (r.closingTestPoint) return;
      if (++cases > LIMITS.cases) fail(`more than ${LIMITS.cases.toLocaleString('en-US')} test points`);
      if (failure) return;
      const suiteName = top ?? file;
      let suite = suites.get(suiteName);
      if (!suite) suites.set(suiteName, (suite = { name: suiteName, cases: [] }));
      suite.cases.push(testPoint(r, suiteName, workspace));
    });
  };

  const parser = new Parser({ passes: true });
  watch(parser, 0, undefined);
  let final: Final | undefined;
  parser.on('complete', (r: Final) => {
    final = r;
  });
  // A character's bytes may be split across two chunks: the decoder carries them over.
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true });
      for (const piece of s.split('\n').slice(0, -1)) {
        line++;
        if (sinceNewline + piece.length > LIMITS.line) fail(`a line longer than ${LIMITS.line.toLocaleString('en-US')} characters`);
        sinceNewline = 0;
      }
      const tail = s.lastIndexOf('\n');
      sinceNewline += tail < 0 ? s.length : s.length - tail - 1;
      if (sinceNewline > LIMITS.line) fail(`a line longer than ${LIMITS.line.toLocaleString('en-US')} characters`);
      if (failure) break;
      parser.write(s);
    }
    if (!failure) parser.end(decoder.decode());
  } finally {
    stream.destroy();
  }
  if (failure) throw failure;
  if (!final) throw new UserError('not a TAP file: the stream ended before it was complete', { file, line: Math.max(line, 1) });
  const broken = final.failures.find((f) => f.tapError);
  if (broken) throw new UserError(`invalid TAP: ${broken.tapError}`, { file, line: Math.max(line, 1) });
  if (final.bailout)
    throw new UserError(`the test run bailed out${typeof final.bailout === 'string' ? `: ${final.bailout}` : ''}`, { file, line: Math.max(line, 1) });
  const plan = final.plan;
  if (!plan || plan.start === undefined || plan.end === undefined || plan.start < 0) {
    throw new UserError('invalid TAP: no plan (`1..N`), so the run may have stopped early', { file, line: Math.max(line, 1) });
  }
  const planned = plan.end < plan.start ? 0 : plan.end - plan.start + 1;
  if (planned !== final.count) {
    throw new UserError(`invalid TAP: the plan ${plan.start}..${plan.end} promises ${planned} tests, ${final.count} ran`, { file, line: Math.max(line, 1) });
  }
  return { file, format: 'tap', suites: [...suites.values()] };
}

interface Final {
  ok: boolean;
  count: number;
  bailout: boolean | string;
  plan?: { start?: number; end?: number };
  failures: Result[];
}

function testPoint(r: Result, suite: string, workspace: string): TestCase {
  const diag = (r.diag ?? {}) as Record<string, unknown>;
  const t: TestCase = {
    suite,
    name: r.fullname || r.name || `#${r.id}`,
    // TODO points that fail are expected to: TAP counts them as passing, we as not run.
    outcome: r.skip || r.todo ? 'skipped' : r.ok ? 'passed' : 'failed',
    flaky: false,
  };
  const ms = typeof diag.duration_ms === 'number' ? diag.duration_ms : typeof r.time === 'number' ? r.time : undefined;
  if (ms !== undefined) t.time = ms / 1000;
  if (t.outcome === 'failed') {
    const message = stringOf(diag.message) ?? stringOf(diag.error);
    if (message) t.message = message;
    const stack = stringOf(diag.stack);
    if (stack) t.details = stack.slice(0, LIMITS.details);
    const at = diag.at as Record<string, unknown> | undefined;
    const named = stringOf(at?.file) ?? stringOf(diag.file);
    const lineNo = Number(at?.line ?? diag.line);
    const where = named ? insideWorkspace(named, workspace) : undefined;
    if (where && Number.isSafeInteger(lineNo) && lineNo > 0) Object.assign(t, { file: where, line: lineNo });
    // node:test writes `location: '/abs/path/x.test.js:8:3'`: read.ts takes it like a traceback.
    else if (stringOf(diag.location)) t.details = `at ${diag.location}\n${t.details ?? ''}`.trim();
  }
  return t;
}

function stringOf(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}
