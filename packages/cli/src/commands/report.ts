import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defaultReportDir, deliverReport, describeRun, loadReport, markRunReported, readerRun, renderHtml, resolveFiles, splitLists } from '@mlci/core';
import type { Command } from '../command.js';
import { printProblem, type Out } from '../out.js';

export interface ReportArgs {
  reportDir?: string;
  markdown: string[];
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
  const markdownFiles = await resolveFiles(a.markdown, cwd, 'markdown');
  const sections = await loadReport({ reportDir, markdownFiles });
  const run = await readerRun(reportDir, env);
  const dir = resolve(cwd, a.out);
  const d = await deliverReport(undefined, {
    id: a.id,
    title: a.title,
    sections,
    target: { kind: 'none', reason: 'local report' },
    mode: 'upsert',
    hidePrevious: false,
    dryRun: true,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    imagesBranch: 'mlci-assets',
    localImagesFrom: dir,
    currentRun: run,
  });
  d.problems.filter((p) => p.severity !== 'notice').forEach((p) => printProblem(p, out));
  for (const id of d.stale) {
    const s = sections.find((l) => l.section.id === id)!.section;
    out.stderr(`mlci report: left out ${id}: written by ${s.run ? describeRun(s.run) : 'another run'} at ${s.created}, not by this ${describeRun(run!)}\n`);
  }

  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'report.md'), d.body);
  await writeFile(join(dir, 'report.html'), await renderHtml(d.body, { title: a.title, baseDir: dir }));
  await markRunReported(reportDir, env);
  const shown = sections.length - d.stale.length;
  const left = d.stale.length > 0 ? ` (${d.stale.length} from an earlier run left out)` : '';
  out.stdout(
    `mlci report: ${shown} section(s)${left}, status ${d.status}${d.truncated ? ', cut to fit GitHub limits' : ''}\n` +
      `  ${join(a.out, 'report.md')}\n  ${join(a.out, 'report.html')}\n`,
  );
  return 0;
}

export const reportCommand: Command = {
  name: 'report',
  usage: `report [--report-dir DIR] [--markdown FILE]... [--title TEXT] [--id ID] [--out DIR]
    Build the report from a report directory (the sections mlci steps wrote) and markdown files;
    writes DIR/report.md (the comment body, fitted to GitHub's limits) and DIR/report.html (the
    same, shown as GitHub would). Default --out: mlci-report. Shows this run's sections only: a run
    is named by MLCI_RUN_ID (or the CI's run id); without one, it is the steps since the last
    \`mlci report\`. Sections an earlier run left in the directory are named and left out.`,
  options: {
    'report-dir': { type: 'string' },
    markdown: { type: 'string', multiple: true },
    title: { type: 'string' },
    id: { type: 'string' },
    out: { type: 'string' },
  },
  run: (v, env, out) =>
    report(
      {
        reportDir: v['report-dir'] as string | undefined,
        markdown: splitLists(v.markdown as string[] | undefined),
        title: (v.title as string | undefined) ?? 'mlci report',
        id: (v.id as string | undefined) ?? 'mlci',
        out: (v.out as string | undefined) ?? 'mlci-report',
      },
      env,
      out,
    ),
};
