import { describe, expect, it } from 'vitest';
import { neutralizeMentions } from './mentions.js';

describe('neutralizeMentions', () => {
  it('breaks user and team mentions in prose, tables and headings', () => {
    const md = '@alice look\n| who | x |\n|---|---|\n| @org/team | 1 |\n## cc @bob';
    const out = neutralizeMentions(md);
    expect(out).not.toMatch(/(^|[^A-Za-z0-9])@[A-Za-z]/m);
    expect(out).toContain('@&#8203;alice');
    expect(out).toContain('@&#8203;org/team');
    expect(out).toContain('@&#8203;bob');
  });

  it('leaves e-mail addresses, code and everything else as written', () => {
    const md = 'mail me@example.com\n\n`@notamention`\n\n```\n@also not\n```\n**bold** ![img](a.png)';
    expect(neutralizeMentions(md)).toBe(md);
  });
});
