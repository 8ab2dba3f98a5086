import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { closeOpenFence, neutralizeMentions } from './mentions.js';

/**
 * What GitHub would link: an `@name` at the start of a rendered text node or after a character
 * that is not a letter or digit, outside code. The rendered HTML is checked, not the markdown, so
 * a test cannot pass on a string that only looks safe.
 */
function liveMentions(markdown: string): string[] {
  const html = new Marked({ gfm: true }).parse(markdown, { async: false }) as string;
  const outsideCode = html.replace(/<code[\s\S]*?<\/code>/g, '');
  const text = outsideCode.split(/<[^>]*>/).map((t) => t.replace(/&#8203;|\u200b/g, '\u200b').replace(/&#64;|&#x40;|&commat;/gi, '@'));
  return text.flatMap((t) => [...t.matchAll(/(?:^|[^A-Za-z0-9])@([A-Za-z0-9][A-Za-z0-9-]*)/g)].map((m) => m[1]));
}

/** Raw HTML elements that would reach the page (anything but what marked itself emits). */
function rawTags(markdown: string): string[] {
  const html = new Marked({ gfm: true }).parse(markdown, { async: false }) as string;
  const ours = new Set([
    'p',
    'em',
    'strong',
    'code',
    'pre',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h1',
    'h2',
    'h3',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'del',
    'img',
    'br',
    'hr',
    'input',
  ]);
  const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)];
  return [...tags.filter((m) => !ours.has(m[1].toLowerCase()) || /\son[a-z]+=/i.test(m[2])).map((m) => m[0]), ...(html.match(/<!--/g) ?? [])];
}

describe('neutralizeMentions', () => {
  it.each([
    ['prose', '@alice look'],
    ['emphasis', '_@alice_ and *@al*'],
    ['strong', '**@alice**'],
    ['after a slash', 'see /@bob'],
    ['after a dot', 'end.@carol'],
    ['after punctuation', '(@dave), [@erin], "@frank", -@gina, +@hank'],
    ['a team', 'cc @org/team'],
    ['a heading', '## cc @bob'],
    ['a table cell', '| who | x |\n|---|---|\n| @org/team | 1 |'],
    ['a block quote', '> quoted\n> @alice'],
    ['a nested list', '- a\n  - @bob\n\t- @carol'],
    ['link text', '[@alice](https://example.com)'],
    ['a character reference', '&#64;alice and &#x40;bob and &commat;carol'],
    ['references after the sigil', '@&#97;lice'],
    ['a backslash escape', '\\@alice'],
    ['after strikethrough', '~~x~~@alice'],
    ['an HTML block', '<div>\n@alice\n</div>'],
    ['inline HTML', 'hi <b>@alice</b>'],
    ['a setext heading', '@alice\n===='],
    ['after an image', '![x](a.png)@alice'],
    ['a task list', '- [ ] @alice'],
  ])('breaks a mention in %s', (_name, md) => {
    expect(liveMentions(md).length, `the case itself must mention: ${md}`).toBeGreaterThan(0);
    const out = neutralizeMentions(md);
    expect(liveMentions(out), out).toEqual([]);
  });

  it.each([
    ['an e-mail address', 'mail me@example.com'],
    ['a code span', '`@notamention`'],
    ['a fenced block', '```\n@also not\n```'],
    ['an indented block', 'text\n\n    @code here'],
    ['a link destination', '[docs](https://example.com/@scope/pkg)'],
    ['an image', '**bold** ![@alt](a.png "@title")'],
  ])('leaves %s byte for byte', (_name, md) => {
    expect(neutralizeMentions(md)).toBe(md);
  });

  it('changes nothing but the mentions in a report-like section', () => {
    const md = '| metric | base | head |\n|---|---:|---:|\n| auc | 0.91 | 0.93 |\n\n```mermaid\nxychart-beta\n```\n\nThanks @alice!';
    expect(neutralizeMentions(md)).toBe(md.replace('@alice', '@&#8203;alice'));
  });

  it.each([
    ['a script', '<script>alert(1)</script>'],
    ['an image with a handler', '<img src=x onerror="alert(1)">'],
    ['a comment hiding text', 'a <!-- hidden @alice --> b'],
    ['a details block', '<details><summary>x</summary>\n\nhi\n</details>'],
    ['an iframe in a list', '- <iframe src="https://evil.example"></iframe>'],
    ['a style in a quote', '> <style>body{display:none}</style>'],
  ])('shows raw HTML as text: %s', (_name, md) => {
    expect(rawTags(md).length).toBeGreaterThan(0);
    const out = neutralizeMentions(md);
    expect(rawTags(out), out).toEqual([]);
    expect(liveMentions(out)).toEqual([]);
  });

  it('shows HTML inside code as written', () => {
    expect(neutralizeMentions('`<b>` and\n\n```html\n<b>@x</b>\n```')).toBe('`<b>` and\n\n```html\n<b>@x</b>\n```');
  });

  it('closes a fence left open so that a later section cannot close it and free its text', () => {
    const a = neutralizeMentions('intro\n\n```\nopen code @x');
    const b = neutralizeMentions('```\n@bob\n```\n');
    const composed = `${a}\n\n${b}`;
    // Each section on its own shows @x and @bob as code; combined they must too.
    expect(liveMentions(composed)).toEqual([]);
    expect(a.endsWith('\n```\n')).toBe(true);
  });

  it('keeps a closed fence as it is, and closes with the opening fence', () => {
    expect(closeOpenFence('```\nx\n```')).toBe('```\nx\n```');
    expect(closeOpenFence('~~~~\nx\n```\n')).toBe('~~~~\nx\n```\n~~~~\n');
    expect(closeOpenFence('text')).toBe('text');
  });

  it('is safe on input marked reshapes (the blunt fallback breaks every sigil)', () => {
    const md = '| a |\n|---|\n| x \\| @alice |';
    expect(liveMentions(md).length).toBeGreaterThan(0);
    expect(liveMentions(neutralizeMentions(md))).toEqual([]);
  });
});
