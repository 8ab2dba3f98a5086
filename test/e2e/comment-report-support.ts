import { expect } from 'vitest';
import type { RunOptions, RunResult } from '../support/runner.js';
import { sectionFile } from '../support/sections.js';

/** Shared by comment-report's spawned tests and its in-process ones (actions/comment-report/src). */

/** A section file as another mlci action writes it. */
export function section(id: string, stage: string, status: string, markdown: string, title = id) {
  return sectionFile({ id, stage, title, status, summary: `${id} summary`, markdown, created: '2026-11-22T08:00:00.000Z' });
}

export const REPORT_FILES = {
  '.mlci-report/data.section.json': section('data', 'data', 'pass', '| column | failed |\n|---|---|\n| bill_mm | 0 |', 'Data'),
  '.mlci-report/metrics.section.json': section('metrics', 'metrics', 'warn', '| metric | base | head |\n|---|---|---|\n| auc | 0.91 | 0.90 |', 'Metrics'),
  'report.md': '## My own report\n\nAccuracy went **up**.\n',
};

export type ReportStepOptions = Partial<RunOptions> & { inputs?: Record<string, string> };

/**
 * comment-report on REPORT_FILES with `report.md`, run by `start` (the bundle's runAction or
 * runInProcess) with the defaults `base()` gives when called (the loopback GitHub starts later).
 * Checks what every run must hold: the token never reaches the log. The runner consumes the
 * `::add-mask::` line itself and masks the value everywhere after it; no other line may carry it.
 */
export function commentReportStep<R extends RunResult>(
  start: (o: RunOptions) => Promise<R>,
  base: () => ReportStepOptions & { token: string },
): (o?: ReportStepOptions) => Promise<R> {
  return async (o = {}) => {
    const defaults = base();
    const r = await start({
      action: 'comment-report',
      files: REPORT_FILES,
      ...defaults,
      ...o,
      inputs: { 'report-dir': '.mlci-report', markdown: 'report.md', ...o.inputs },
    });
    const log = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(log.join('\n')).not.toContain(o.token ?? defaults.token);
    return r;
  };
}
