import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { splitLists } from '@mlci/core/files';
import { defaultReportDir, describeRun, markRunReported } from '@mlci/core/section';
import { renderHtml } from '@mlci/core/report';
import { runCommentReport } from '@mlci/core/comment-report';
import type { Values } from '../command.js';
import { printProblem, type Out } from '../out.js';

export interface ReportArgs {
  reportDir?: string;
  markdown: string[];
  /** Test result files or globs: a Tests section. */
  tests?: string[];
  title: string;
  id: string;
  out: string;
}

/**
 * `mlci report`: the comment-report action's report, built on a laptop or any CI. It shows this
 * run's sections only (see run-identity.ts for what a run is) and names the ones it left out. On
 * a laptop, reporting ends the run: the next section written starts a new one.
 */
export async function report(a: ReportArgs, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const cwd = process.cwd();
  const reportDir = resolve(cwd, a.reportDir ?? defaultReportDir(env));
  const dir = resolve(cwd, a.out);
  const d = await runCommentReport({ workspace: cwd, reportDir, markdown: a.markdown, tests: a.tests, id: a.id, title: a.title, localImagesFrom: dir, env });
  d.problems.filter((p) => p.severity !== 'notice').forEach((p) => printProblem(p, out));
  for (const id of d.stale) {
    const s = d.sections.find((l) => l.section.id === id)!.section;
    out.stderr(
      `mlci report: left out ${id}: written by ${s.run ? describeRun(s.run) : 'another run'} at ${s.created}, not by this ${describeRun(d.currentRun!)}\n`,
    );
  }

  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'report.md'), d.body);
  await writeFile(join(dir, 'report.html'), await renderHtml(d.body, { title: a.title, baseDir: dir }));
  await markRunReported(reportDir, env);
  const left = d.stale.length > 0 ? ` (${d.stale.length} from an earlier run left out)` : '';
  out.stdout(
    `mlci report: ${d.shown} section(s)${left}, status ${d.status}${d.truncated ? ', cut to fit GitHub limits' : ''}\n` +
      `  ${join(a.out, 'report.md')}\n  ${join(a.out, 'report.html')}\n`,
  );
  return 0;
}

export function run(v: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  return report(
    {
      reportDir: v['report-dir'] as string | undefined,
      markdown: splitLists(v.markdown as string[] | undefined),
      tests: splitLists(v.tests as string[] | undefined),
      title: (v.title as string | undefined) ?? 'mlci report',
      id: (v.id as string | undefined) ?? 'mlci',
      out: (v.out as string | undefined) ?? 'mlci-report',
    },
    env,
    out,
  );
}
