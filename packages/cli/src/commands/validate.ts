import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '@mlci/core/errors';
import { parseWholeNumber, splitLists } from '@mlci/core/files';
import { defaultReportDir, type SectionSlot } from '@mlci/core/section';
import { pullRequestBase, type DriftResult, type GitBase } from '@mlci/core/data';
import { FAIL_ON, runValidation, sectionId, sectionTitle, type FailOn } from '@mlci/core/validate-data';
import type { Values } from '../command.js';
import { printProblem, type Out } from '../out.js';

export interface ValidateArgs {
  data: string[];
  schema?: string;
  inferSchema?: string;
  reference: string[];
  failOn: FailOn;
  maxExamples: number;
  sample?: number;
  reportDir?: string;
}

/**
 * `mlci validate`: the validate-data action on a laptop or any CI. Reference files come from the
 * local clone only (no GitHub API here): fetch the base branch first in a shallow clone.
 */
export async function validate(a: ValidateArgs, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const cwd = process.cwd();
  const run = await runValidation({
    data: a.data,
    schema: a.schema,
    inferSchema: a.inferSchema,
    reference: a.reference,
    failOn: a.failOn,
    maxExamples: a.maxExamples,
    sample: a.sample,
    workspace: cwd,
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? tmpdir(),
    base: baseOf(env),
    reportDir: resolve(cwd, a.reportDir ?? defaultReportDir(env)),
  });
  run.problems.forEach((p) => printProblem(p, out));
  out.stdout(`mlci validate: ${run.section.summary}\n${driftLines(run.result.drift)}  ${run.resultJson}\n`);
  if (run.failed) out.stderr(`${run.reason}\n`);
  return run.failed ? 1 : 0;
}

/** The drifted columns by name, each with its statistic against its threshold. */
function driftLines(drift: DriftResult[]): string {
  return drift
    .filter((d) => d.drifted)
    .map((d) => {
      const pValue = (d.kind ?? (['ks', 'chi-square', 'z'].includes(d.method) ? 'p-value' : 'distance')) === 'p-value';
      const stat = `${d.method} ${pValue ? 'p = ' : ''}${formatStat(d.statistic)} ${pValue ? '<' : '>='} ${d.threshold}`;
      return `  drifted: ${JSON.stringify(d.column)} (${stat})\n`;
    })
    .join('');
}

const formatStat = (x: number) => (x === 0 || (Math.abs(x) >= 0.001 && Math.abs(x) < 1e6) ? String(Number(x.toPrecision(3))) : x.toExponential(2));

/** `git:base` outside a pull_request workflow: the target branch other CI systems name. */
function baseOf(env: NodeJS.ProcessEnv): GitBase | undefined {
  if (env.GITHUB_EVENT_PATH) {
    try {
      const base = pullRequestBase(JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')));
      if (base) return base;
    } catch {
      // Not readable: fall back to the variables below.
    }
  }
  const ref = env.GITHUB_BASE_REF || env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME || env.CHANGE_TARGET;
  return ref ? { ref } : undefined;
}

const list = (v: unknown): string[] => splitLists(v as string[] | undefined);

/** The section `mlci validate` writes, so a failure leaves a failing one in its place. */
export function section(v: Values, env: NodeJS.ProcessEnv): { reportDir: string; slot: SectionSlot } {
  return {
    reportDir: (v['report-dir'] as string | undefined) ?? defaultReportDir(env),
    slot: { action: 'validate-data', id: sectionId(list(v.data)), stage: 'data', title: sectionTitle(list(v.data)) },
  };
}

export function run(v: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const failOn = (v['fail-on'] as string | undefined) ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UserError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`, { input: 'fail-on' });
  }
  return validate(
    {
      data: list(v.data),
      schema: v.schema as string | undefined,
      inferSchema: v['infer-schema'] as string | undefined,
      reference: list(v.reference),
      failOn: failOn as FailOn,
      maxExamples: parseWholeNumber(String(v['max-examples'] ?? ''), '--max-examples', 'max-examples', 0) ?? 5,
      sample: parseWholeNumber(String(v.sample ?? ''), '--sample', 'sample', 1),
      reportDir: v['report-dir'] as string | undefined,
    },
    env,
    out,
  );
}
