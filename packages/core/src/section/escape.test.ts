import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeCell, escapeHtml, escapeText, table } from './escape.js';

// Rendered with a GFM renderer, then reduced to what a reader sees: the text of the HTML.
const gfm = new Marked({ gfm: true });
const ZWSP = '\u200b';

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** What GitHub would show, with the zero-width spaces our escaping adds removed. */
function shown(html: string): string {
  return decode(html).replaceAll(ZWSP, '');
}

const HOSTILE = [
  'a|b',
  '`tick` ``double``',
  '<img src=x onerror=alert(1)>',
  '<script>window.pwned = 1</script>',
  '**bold** _em_ ~~gone~~ [link](https://evil.example) ![img](x.png)',
  '# heading',
  '- item',
  '+ item',
  '1. first',
  '1) first',
  '> quote',
  'a\\b\\\\c',
  'R&D &amp; &lt;tag&gt;',
  'ping @here and @octocat and @my-org/ml-team',
  'fixes #123 and GH-7',
  ':tada: :+1:',
  'https://example.com/a_b_c and www.example.com',
  '{braces} (parens) [brackets]',
  '   leading spaces',
  '!important',
  'trailing backslash \\',
];

describe('escapeText', () => {
  it.each(HOSTILE)('renders %j as exactly that text, with no markup', (s) => {
    const html = gfm.parseInline(escapeText(s)) as string;
    expect(html).not.toMatch(/<[a-z]/i);
    expect(shown(html).trim()).toBe(s.trim());
  });

  it('keeps a line-start marker from starting a block', () => {
    for (const s of ['# heading', '- item', '1. first', '> quote', '---', '=== ', '| a | b |']) {
      const html = gfm.parse(escapeText(s)) as string;
      expect(html.trim()).toBe(`<p>${html.trim().slice(3, -4)}</p>`);
      expect(shown(html.trim().slice(3, -4)).trim()).toBe(s.trim());
    }
  });

  it('breaks @mentions, team mentions and issue references with a zero-width space', () => {
    const html = gfm.parseInline(escapeText('@octocat @my-org/ml-team #42 user@example.com')) as string;
    const text = decode(html);
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/#\d/);
    expect(text).toContain(`@${ZWSP}octocat`);
    expect(text).toContain(`@${ZWSP}my-org/ml-team`);
    expect(text).toContain(`#${ZWSP}42`);
  });

  it('keeps a data line from underlining the line above into a heading', () => {
    const html = gfm.parse(`${escapeText('title')}\n${escapeText('===')}`) as string;
    expect(html).not.toContain('<h1');
  });

  it('turns line breaks into spaces so that a heading or list item stays one line', () => {
    expect(escapeText('a\nb\r\nc\rd')).toBe('a b c d');
  });
});

describe('escapeHtml', () => {
  it('escapes for raw HTML and still breaks mentions, without breaking its own entities', () => {
    const s = `<b>"it's" & @team #7</b>`;
    const out = escapeHtml(s);
    expect(out).toBe('&lt;b&gt;&quot;it&#39;s&quot; &amp; @&#8203;team #&#8203;7&lt;/b&gt;');
    expect(shown(out)).toBe(s);
  });
});

describe('escapeCell and table', () => {
  function cells(markdown: string): string[][] {
    const html = gfm.parse(markdown) as string;
    return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]));
  }

  it('keeps hostile cells inside their column, shown as written', () => {
    const rows = HOSTILE.map((s, i) => [escapeCell(s), String(i)]);
    const rendered = cells(table(['name', 'n'], rows, ['l', 'r']));
    expect(rendered).toHaveLength(HOSTILE.length + 1);
    rendered.slice(1).forEach((row, i) => {
      expect(row).toHaveLength(2);
      expect(row[0]).not.toMatch(/<[a-z]/i);
      expect(shown(row[0]).trim()).toBe(HOSTILE[i].trim());
      expect(row[1]).toBe(String(i));
    });
  });

  it('keeps line breaks in a cell as <br>', () => {
    const [, row] = cells(table(['a'], [[escapeCell('one\ntwo|three')]]));
    expect(row[0]).toBe('one<br>two|three');
  });

  it('writes alignment into the delimiter row', () => {
    const md = table(['l', 'r', 'c'], [['1', '2', '3']], ['l', 'r', 'c']);
    expect(md.split('\n')[1].replace(/\s/g, '')).toBe('|:-|-:|:-:|');
  });
});

describe('codeSpan', () => {
  it.each(['plain', 'a`b', '``x``', '`starts', 'ends`', ' spaced ', '  ', 'a|b', '`|`', '<script>', '*x* @here'])(
    'shows %j verbatim in a paragraph and in a table cell',
    (s) => {
      const span = codeSpan(s);
      const inline = gfm.parseInline(span) as string;
      expect(inline).toMatch(/^<code>[\s\S]*<\/code>$/);
      expect(decode(inline.slice(6, -7))).toBe(s);

      const html = gfm.parse(table(['code', 'n'], [[span, '1']])) as string;
      const row = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
      expect(row).toHaveLength(2);
      expect(decode(row[0].replace(/^<code>|<\/code>$/g, ''))).toBe(s);
    },
  );

  it('uses a fence longer than any backtick run inside', () => {
    expect(codeSpan('a``b')).toBe('```a``b```');
  });
});
