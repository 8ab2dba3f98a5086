import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { amendWithFailure, failureSection } from './failure.js';
import { SECTION_SCHEMA, type Section } from './section.js';

const SLOT = { action: 'compare-metrics', id: 'compare-metrics-abc', stage: 'metrics' as const, title: 'Metrics' };

describe('failureSection', () => {
  it("is the action's own section, failed, with the error and its place relative to the workspace", () => {
    const e = new UserError('invalid YAML: bad indentation', { file: '/ws/.mlci/gates.yml', line: 3, column: 5 });
    const s = failureSection(SLOT, e, { workspace: '/ws' });
    expect(s).toMatchObject({ action: 'compare-metrics', id: 'compare-metrics-abc', stage: 'metrics', title: 'Metrics', status: 'fail' });
    expect(s.summary).toBe('failed: .mlci/gates.yml:3:5: invalid YAML: bad indentation');
    expect(s.markdown).toContain('**Where:** \\.mlci/gates\\.yml, line 3, column 5');
    expect(s.data).toEqual({ error: { message: 'invalid YAML: bad indentation', file: '.mlci/gates.yml', line: 3, column: 5, unexpected: false } });
  });

  it('escapes the message, names the input, and calls anything else our bug', () => {
    const s = failureSection(SLOT, new UserError('input "precision" must be <b>@team</b>', { input: 'precision' }));
    expect(s.markdown).not.toContain('<b>');
    expect(s.markdown).not.toMatch(/@team/);
    expect(s.markdown).toContain('**Input:** precision');
    const bug = failureSection(SLOT, new TypeError('x is undefined'));
    expect(bug.summary).toBe('failed: mlci failed unexpectedly: x is undefined');
    expect(bug.markdown).toContain('bug in mlci');
    expect((bug.data as any).error.unexpected).toBe(true);
  });

  it('amends a section the step already wrote instead of losing it', () => {
    const written: Section = {
      schema: SECTION_SCHEMA,
      created: 'now',
      ...SLOT,
      status: 'pass' as const,
      summary: 'ok',
      markdown: '| a | 1 |\n',
      data: { passed: true },
    };
    const s = amendWithFailure(written, failureSection(SLOT, new UserError('cache refused')));
    expect(s.status).toBe('fail');
    expect(s.markdown).toContain('cache refused');
    expect(s.markdown).toContain('| a | 1 |');
    expect(s.data).toMatchObject({ passed: true, error: { message: 'cache refused' } });
  });
});
