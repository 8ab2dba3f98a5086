import { describe, expect, it } from 'vitest';
import { composeReport, type ComposedReport, type SectionPart } from './compose.js';
import { reportMarker } from '../section/marker.js';
import { fitReport, measureUtf8Bytes } from './fit.js';
import { SECTION_SCHEMA, STAGE_ORDER, STATUS_RANK, type Section, type Stage, type Status } from '../section/section.js';

const COMMENT_LIMIT = 65_536;
const SUMMARY_LIMIT = 1024 * 1024;
const URL = 'https://github.com/o/r/actions/runs/7';

function section(p: Partial<Section> & { id: string }): Section {
  return {
    schema: SECTION_SCHEMA,
    action: 'test',
    stage: 'other',
    title: `Section ${p.id}`,
    status: 'pass',
    summary: `summary of ${p.id}`,
    markdown: '',
    created: '2024-05-01T00:00:00.000Z',
    ...p,
  };
}

/** `chars` characters of markdown in lines of 100, each line naming its section and number. */
function body(id: string, chars: number, fill = 'x'): string {
  const lines: string[] = [];
  for (let i = 0, length = 0; length < chars; i++) {
    const head = `${id} line ${i} `;
    lines.push(head + fill.repeat(Math.max(0, Math.floor((99 - head.length) / fill.length))));
    length += lines.at(-1)!.length + 1;
  }
  return lines.join('\n').slice(0, chars);
}

function sectionsOf(r: ComposedReport): SectionPart[] {
  return r.parts.filter((p): p is SectionPart => p.kind === 'section');
}

function balanced(md: string): void {
  expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
}

describe('fitReport', () => {
  it('leaves a report that fits as it is', () => {
    const r = composeReport({ id: 'r', title: 'T', sections: [section({ id: 'a', markdown: 'hello' })], footer: { sha: 'abcdef0123' } });
    const fit = fitReport(r, { limit: COMMENT_LIMIT });
    expect(fit).toEqual({ body: expect.any(String), truncated: false, folded: [], cut: [] });
    expect(fit.body).toBe(
      `${reportMarker('r')}\n## ✅ T\n\n- ✅ **Section a** — summary of a\n\n### ✅ Section a\n\nhello\n\n<sub>Report by mlci · abcdef0</sub>\n`,
    );
  });

  describe('20 sections of 10,000 characters into a comment', () => {
    const statuses: Status[] = ['pass', 'info', 'warn', 'pass', 'pass', 'info', 'fail', 'warn', 'pass', 'info'];
    const stages: Stage[] = ['data', 'training', 'metrics', 'model', 'other'];
    const input = Array.from({ length: 20 }, (_, i) => {
      const id = `s${String(i).padStart(2, '0')}`;
      const status = i === 6 ? 'fail' : statuses[i % statuses.length] === 'fail' ? 'pass' : statuses[i % statuses.length];
      // A code fence across the middle of every body: a cut may land inside it.
      const text = body(id, 10_000).split('\n');
      text.splice(20, 0, '```text');
      text.splice(70, 0, '```');
      return section({ id, stage: stages[i % stages.length], status, markdown: text.join('\n') });
    });
    const report = composeReport({ id: 'big', title: 'Big report', sections: input, footer: { runUrl: URL, sha: 'abcdef0123' } });
    const fit = fitReport(report, { limit: COMMENT_LIMIT, fullReportUrl: URL });
    const parts = sectionsOf(report);
    const fail = parts.find((p) => p.status === 'fail')!;

    it('fits, with the header intact and the footer last', () => {
      expect(fit.body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(fit.body.length).toBeGreaterThan(COMMENT_LIMIT - 2_000);
      const header = report.parts[0].kind === 'header' ? report.parts[0].markdown : '';
      expect(fit.body.startsWith(header + '\n\n')).toBe(true);
      expect(fit.body.split('\n')[0]).toBe(reportMarker('big'));
      expect(fit.body.trimEnd().endsWith(`[workflow run](${URL}) · abcdef0</sub>`)).toBe(true);
      expect(fit.truncated).toBe(true);
      balanced(fit.body);
    });

    it('keeps the fail section in full and unfolded', () => {
      expect(fit.body).toContain(`${fail.heading}\n\n${fail.body}\n\n`);
      expect(fit.cut).not.toContain(fail.id);
      expect(fit.folded).not.toContain(fail.id);
    });

    it('cuts the least important sections first: info, pass, warn; later stages first', () => {
      const order = parts
        .map((p, i) => ({ p, i }))
        .sort((a, b) => STATUS_RANK[a.p.status] - STATUS_RANK[b.p.status] || STAGE_ORDER.indexOf(b.p.stage) - STAGE_ORDER.indexOf(a.p.stage) || b.i - a.i)
        .map(({ p }) => p.id);
      expect(fit.cut.length).toBeGreaterThan(10);
      expect(fit.cut.length).toBeLessThan(20);
      expect(new Set(fit.cut)).toEqual(new Set(order.slice(0, fit.cut.length)));
      expect(parts.find((p) => p.id === order[0])!.status).toBe('info');
    });

    it('folds every section still shown except the failure, and notes every cut', () => {
      const fullyCut = fit.cut.filter((id) => !fit.body.includes(`${id} line 0 `));
      expect(fullyCut.length).toBeGreaterThanOrEqual(fit.cut.length - 1);
      expect(new Set(fit.folded)).toEqual(new Set(parts.filter((p) => p.status !== 'fail' && !fullyCut.includes(p.id)).map((p) => p.id)));
      expect(fit.body.split(`> ✂️ Cut to fit GitHub's limit — see the [full report](${URL}).`).length - 1).toBe(fit.cut.length);
      // Intact sections are shown whole, inside <details>.
      for (const p of parts.filter((p) => !fit.cut.includes(p.id) && p.status !== 'fail')) {
        expect(fit.body).toContain(`<details>\n<summary>${p.heading.slice(4, 6)}`);
        expect(fit.body).toContain(`\n\n${p.body}\n\n</details>`);
      }
    });
  });

  it('fits a step summary in bytes when characters are multi-byte', () => {
    const sections = ['中', 'é', '📈'].map((fill, i) => section({ id: `u${i}`, status: 'pass', markdown: body(`u${i}`, 400_000, fill) }));
    const report = composeReport({ id: 'u', title: 'Unicode 📈', sections });
    const fit = fitReport(report, { limit: SUMMARY_LIMIT, measure: measureUtf8Bytes });
    expect(Buffer.byteLength(fit.body, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(Buffer.byteLength(fit.body, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT - 4_000);
    expect(fit.truncated).toBe(true);
    expect(fit.body).not.toContain('\ufffd');
    // Counting characters instead would have produced a body GitHub drops.
    const byChars = fitReport(report, { limit: SUMMARY_LIMIT });
    expect(Buffer.byteLength(byChars.body, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT);
  });

  it('cuts a single 200,000-character section at a line, closing its code fence and <details>', () => {
    const lines = body('big', 200_000).split('\n');
    lines.splice(10, 0, '<details><summary>raw</summary>', '');
    lines.splice(100, 0, '~~~~python');
    lines.push('~~~~', '', '</details>');
    const report = composeReport({ id: 'one', title: 'One', sections: [section({ id: 'big', status: 'fail', markdown: lines.join('\n') })] });
    const fit = fitReport(report, { limit: COMMENT_LIMIT });
    expect(fit.body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fit.body.length).toBeGreaterThan(COMMENT_LIMIT - 500);
    expect(fit).toMatchObject({ truncated: true, cut: ['big'], folded: [] });
    const kept = fit.body.split('\n').filter((l) => l.startsWith('big line '));
    expect(kept.length).toBeGreaterThan(500);
    // Whole lines only, in order, from the first.
    kept.forEach((l, i) => expect(l).toBe(lines.filter((x) => x.startsWith('big line '))[i]));
    const tail = fit.body.trimEnd().split('\n').slice(-5);
    expect(tail).toEqual(['~~~~', '', '</details>', '', "> ✂️ Cut to fit GitHub's limit — see the job summary or the report artifact."]);
  });

  it('keeps the marker even when the limit is absurdly small', () => {
    const sections = Array.from({ length: 200 }, (_, i) => section({ id: `n${i}`, markdown: 'x' }));
    const report = composeReport({ id: 'tiny', title: 'Tiny', sections });
    const fit = fitReport(report, { limit: 1_000, margin: 0 });
    expect(fit.body.length).toBeLessThanOrEqual(1_000);
    expect(fit.body.split('\n')[0]).toBe(reportMarker('tiny'));
    expect(fit.truncated).toBe(true);
  });
});

describe('fitReport on huge reports', () => {
  it('fits 10,000 sections into a comment, marker first, every cut noted', () => {
    const input = Array.from({ length: 10_000 }, (_, i) => section({ id: `s${i}`, markdown: body(`s${i}`, 300), status: i === 42 ? 'fail' : 'pass' }));
    const report = composeReport({ id: 'many', title: 'Many', sections: input });
    const fit = fitReport(report, { limit: COMMENT_LIMIT });
    expect(fit.body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fit.body.split('\n')[0]).toBe(reportMarker('many'));
    expect(fit.truncated).toBe(true);
    expect(fit.cut).toHaveLength(10_000);
    expect(fit.body.trimEnd().endsWith("> ✂️ Cut to fit GitHub's limit — see the job summary or the report artifact.")).toBe(true);
    balanced(fit.body);
  });

  it("names the forge whose limit it is: a GitLab note's cut says GitLab", () => {
    const input = Array.from({ length: 50 }, (_, i) => section({ id: `s${i}`, markdown: body(`s${i}`, 300), status: 'pass' }));
    const report = composeReport({ id: 'gl', title: 'GitLab', sections: input });
    const fit = fitReport(report, { limit: 4000, limitOf: 'GitLab' });
    expect(fit.truncated).toBe(true);
    expect(fit.body).toContain("> ✂️ Cut to fit GitLab's limit — see the job summary or the report artifact.");
    expect(fit.body).not.toContain('GitHub');
  });

  it('cuts one 60 MB section to the lines that fit, in characters and in bytes', () => {
    const huge = body('huge', 60 * 1024 * 1024, 'é');
    const report = composeReport({ id: 'huge', title: 'Huge', sections: [section({ id: 'h', markdown: '```\n' + huge, status: 'fail' })] });
    for (const [limit, measure] of [
      [COMMENT_LIMIT, (s: string) => s.length],
      [SUMMARY_LIMIT, measureUtf8Bytes],
    ] as const) {
      const fit = fitReport(report, { limit, measure });
      expect(measure(fit.body)).toBeLessThanOrEqual(limit);
      expect(measure(fit.body)).toBeGreaterThan(limit - 400);
      expect(fit.cut).toEqual(['h']);
      const kept = fit.body.split('\n').filter((l) => l.startsWith('huge line '));
      expect(kept[0].startsWith('huge line 0 ')).toBe(true);
      expect(kept.at(-1)!.startsWith(`huge line ${kept.length - 1} `)).toBe(true);
      balanced(fit.body);
    }
  });
});
