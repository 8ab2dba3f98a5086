import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defaultReportDir, deliverReport, loadReport, renderHtml, resolveFiles } from '@mlci/core';
import { printProblem, type Out } from '../out.js';

export interface ReportArgs {
  reportDir?: string;
  markdown: string[];
  title: string;
  id: string;
  out: string;
}

/** `mlci report`: the comment-report action's report, built on a laptop or any CI. */
export async function report(a: ReportArgs, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const cwd = process.cwd();
  const reportDir = resolve(cwd, a.reportDir ?? defaultReportDir(env));
  const markdownFiles = await resolveFiles(a.markdown, cwd, 'markdown');
  const sections = await loadReport({ reportDir, markdownFiles });
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
  });
  d.problems.filter((p) => p.severity !== 'notice').forEach((p) => printProblem(p, out));

  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'report.md'), d.body);
  await writeFile(join(dir, 'report.html'), await renderHtml(d.body, { title: a.title, baseDir: dir }));
  out.stdout(
    `mlci report: ${sections.length} section(s), status ${d.status}${d.truncated ? ', cut to fit GitHub limits' : ''}\n` +
      `  ${join(a.out, 'report.md')}\n  ${join(a.out, 'report.html')}\n`,
  );
  return 0;
}
