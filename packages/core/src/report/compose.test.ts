import { describe, expect, it } from 'vitest';
import { composeReport, jobStatusOf, keepPreviousReport, type ReportPart, type SectionPart } from './compose.js';
import { reportMarker } from '../section/marker.js';
import { testSection } from '../../../../test/support/sections.js';
import type { Section } from '../section/section.js';

const section = (p: Partial<Section> & { id: string }): Section => testSection({ markdown: `body of ${p.id}`, ...p });

describe('composeReport', () => {
  const sections = [
    section({ id: 'model', stage: 'model', title: 'Model', status: 'info', summary: 'published v3' }),
    section({ id: 'metrics', stage: 'metrics', title: 'Metrics', status: 'fail', summary: 'accuracy fell 2.1 pts' }),
    section({ id: 'data', stage: 'data', title: 'Data', status: 'pass', summary: '3 files, 1.2M rows valid' }),
  ];

  it('orders sections by stage and takes the worst status', () => {
    const r = composeReport({ id: 'r', title: 'ML report', sections });
    expect(r.status).toBe('fail');
    expect(r.parts.map((p) => (p.kind === 'section' ? p.id : p.kind))).toEqual(['header', 'data', 'metrics', 'model']);
  });

  it('starts with the marker, then the title and one overview line per section', () => {
    const r = composeReport({ id: 'r', title: 'ML report', sections });
    const header = r.parts[0];
    expect(header.kind).toBe('header');
    expect(header.kind === 'header' && header.markdown.split('\n')).toEqual([
      reportMarker('r'),
      '## ❌ ML report',
      '',
      '- ✅ **Data** — 3 files, 1\\.2M rows valid',
      '- ❌ **Metrics** — accuracy fell 2\\.1 pts',
      '- ℹ️ **Model** — published v3',
    ]);
    const data = r.parts[1] as SectionPart;
    expect(data.heading).toBe('### ✅ Data');
    expect(data.body).toBe('body of data');
  });

  it('escapes titles and summaries, which are data', () => {
    const r = composeReport({
      id: 'r',
      title: '<img src=x onerror=alert(1)> @team',
      sections: [section({ id: 's', title: '**x** | y', summary: '@octocat #1' })],
    });
    const header = r.parts[0].kind === 'header' ? r.parts[0].markdown : '';
    expect(header).toContain('## ✅ &lt;img src\\=x onerror\\=alert\\(1\\)&gt; @&#8203;team');
    expect(header).toContain('- ✅ **\\*\\*x\\*\\* \\| y** — @&#8203;octocat \\#&#8203;1');
  });

  it('shows an untitled section (a user markdown file) without heading or overview line', () => {
    const r = composeReport({
      id: 'r',
      title: 'T',
      sections: [section({ id: 'markdown-1', action: 'markdown', title: '', status: 'info', markdown: '# Mine\n\n@me' })],
    });
    const header = r.parts[0].kind === 'header' ? r.parts[0].markdown : '';
    expect(header.split('\n')).toHaveLength(2);
    expect(r.parts[1]).toMatchObject({ kind: 'section', heading: '', body: '# Mine\n\n@me' });
  });

  it('says so when there are no sections', () => {
    const r = composeReport({ id: 'r', title: 'T', sections: [] });
    expect(r.status).toBe('info');
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0].kind === 'header' && r.parts[0].markdown).toContain('No report sections');
  });

  it('ends with a footer: run link, short sha, time', () => {
    const r = composeReport({
      id: 'r',
      title: 'T',
      sections,
      footer: { runUrl: 'https://github.com/o/r/actions/runs/1', sha: '0123456789abcdef', when: '2024-05-01T12:34:56.000Z' },
    });
    const footer = r.parts.at(-1)!;
    expect(footer).toEqual({
      kind: 'footer',
      markdown: '<sub>Report by mlci · [workflow run](https://github.com/o/r/actions/runs/1) · 0123456 · 2024\\-05\\-01 12\\:34 UTC</sub>',
    });
    expect(composeReport({ id: 'r', title: 'T', sections, footer: {} }).parts.at(-1)!.kind).toBe('section');
  });
});

describe('what the report says about the run', () => {
  const text = (p: ReportPart) => (p.kind === 'section' ? p.body : p.markdown);
  const pass = section({ id: 'm', title: 'Metrics', status: 'pass' });

  it('never green when the job failed, and says why', () => {
    const r = composeReport({ id: 'r', title: 'R', sections: [pass], jobStatus: 'failure' });
    expect(r.status).toBe('fail');
    const header = text(r.parts[0]);
    expect(header).toContain('## ❌ R');
    expect(header).toContain('**The job failed** (job status: failure): a step failed without writing a report section');
    expect(composeReport({ id: 'r', title: 'R', sections: [pass], jobStatus: 'success' }).status).toBe('pass');
    expect(composeReport({ id: 'r', title: 'R', sections: [pass], jobStatus: 'cancelled' }).status).toBe('warn');
    expect(jobStatusOf('')).toBeUndefined();
  });

  it('names the sections an earlier run left, and can leave out bodies but not their lines', () => {
    const old = section({ id: 'old', title: 'Old data', run: { id: '41', attempt: 1, source: 'github' } });
    const r = composeReport({ id: 'r', title: 'R', sections: [pass], stale: [old], showBody: () => false });
    expect(r.parts.filter((p) => p.kind === 'section')).toHaveLength(0);
    expect(text(r.parts[0])).toContain('**Metrics**');
    expect(text(r.parts[0])).toContain(
      'Left out 1 section that an earlier run left in the report directory, not written by this run: Old data (run 41 attempt 1',
    );
  });

  it('keeps an earlier report under one note that the next empty run replaces', () => {
    const good = `${reportMarker('r')}\n## ✅ R\n\n| auc | 0.9 |`;
    const once = keepPreviousReport({ id: 'r', title: 'R', previousBody: good, jobStatus: 'failure', runUrl: 'https://x/runs/1' });
    const body1 = once.parts.map(text).join('\n\n');
    expect(once.status).toBe('fail');
    expect(body1.split('\n')[0]).toBe(reportMarker('r'));
    expect(body1).toContain('| auc | 0.9 |');
    const twice = keepPreviousReport({ id: 'r', title: 'R', previousBody: body1, jobStatus: 'success' });
    const body2 = twice.parts.map(text).join('\n\n');
    expect(body2.match(/No report from/g)).toHaveLength(1);
    expect(body2).toContain('job status: success');
    expect(twice.status).toBe('info');
  });
});

describe('composeReport with a verdict', () => {
  it('takes the verdict over the sections and says where it came from', () => {
    const sections = [section({ id: 'a', status: 'pass' }), section({ id: 'b', status: 'pass' })];
    const r = composeReport({ id: 'mlci', title: 'T', sections, verdict: { status: 'fail', note: 'Verdict from the run: failure.' } });
    expect(r.status).toBe('fail');
    const header = r.parts[0].kind === 'header' ? r.parts[0].markdown : '';
    expect(header).toContain('## ❌ T');
    expect(header).toContain('_Verdict from the run\\: failure\\._');
    expect(composeReport({ id: 'mlci', title: 'T', sections }).status).toBe('pass');
  });
});
