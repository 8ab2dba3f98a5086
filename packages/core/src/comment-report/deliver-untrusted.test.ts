import { describe, expect, it } from 'vitest';
import { deliverReport } from './deliver.js';
import type { LoadedSection } from '../report/load.js';
import { SECTION_SCHEMA, type Status } from '../section/section.js';

function loaded(id: string, status: Status, markdown: string, untrusted: boolean, extra: Partial<LoadedSection> = {}): LoadedSection {
  return {
    section: { schema: SECTION_SCHEMA, action: 't', id, stage: 'metrics', title: id, status, summary: '', markdown, created: '2026-01-01T00:00:00Z' },
    baseDir: '/nowhere',
    images: [],
    untrusted,
    ...extra,
  };
}

const base = {
  id: 'mlci',
  title: 'R',
  target: { kind: 'none', reason: 'test' } as const,
  mode: 'upsert' as const,
  hidePrevious: false,
  dryRun: true,
  serverUrl: 'https://github.com',
  imagesBranch: 'x',
};
const verdict = (status: Status) => ({ status, note: `Verdict from the triggering run's conclusion: ${status}` });

describe('deliverReport with a bundle from another run', () => {
  it.each([
    { bundle: 'pass', job: undefined, run: 'fail', expected: 'fail' },
    { bundle: 'fail', job: undefined, run: 'pass', expected: 'pass' },
    // This job's own sections still count: they are not the fork's word.
    { bundle: 'pass', job: 'fail', run: 'pass', expected: 'fail' },
  ] as const)('bundle $bundle, this job $job, run $run: $expected', async ({ bundle, job, run, expected }) => {
    const sections = [loaded('b', bundle, 'x', true), ...(job ? [loaded('j', job, 'y', false)] : [])];
    const d = await deliverReport(undefined, { ...base, sections, verdict: verdict(run) });
    expect(d.status).toBe(expected);
    expect(d.body).toContain('Verdict from the triggering run');
  });

  it('shows why a dropped image is missing, and warns once', async () => {
    const sections = [loaded('b', 'pass', '![a](a.png) ![b](../b.png)', true, { dropped: [{ ref: '../b.png', reason: 'outside the report bundle' }] })];
    const d = await deliverReport(undefined, { ...base, sections });
    expect(d.body).toContain('_image not shown: outside the report bundle_');
    expect(d.body).toContain('_image not published: a_');
    expect(d.problems.filter((p) => p.title === 'Report images dropped')).toHaveLength(1);
  });

  it('closes a fence our own section left open, so that the bundle cannot close it', async () => {
    const sections = [loaded('a', 'pass', '```\nours', false), loaded('b', 'pass', '```\n@bob\n', true)];
    const d = await deliverReport(undefined, { ...base, sections });
    expect(d.body).toMatch(/```\nours\n```\n/);
    expect(d.body).toMatch(/```\n@bob\n```/);
  });
});
