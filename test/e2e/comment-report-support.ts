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
