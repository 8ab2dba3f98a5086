import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { isSafeUrl, sanitizeHtml } from './sanitize-html.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('sanitizeHtml', () => {
  it.each([
    ['<details open><summary>x</summary>', '<details open><summary>x</summary>'],
    ['<sub>run</sub>', '<sub>run</sub>'],
    ['<img src=x onerror=alert(1)>', '<img src="x">'],
    ['<IMG SRC="a.png" ALT="a" onload="x()" width=10>', '<img src="a.png" alt="a" width="10">'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="jav&#x61;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" JavaScript:alert(1)" title=t>x</a>', '<a title="t">x</a>'],
    ['<a href="https://example.com/?a=1&b=2">x</a>', '<a href="https://example.com/?a=1&b=2">x</a>'],
    ['<img src="data:text/html;base64,PHNjcmlwdD4=">', '<img>'],
    ['<img src="data:image/png;base64,AAAA">', '<img src="data:image/png;base64,AAAA">'],
    ['<iframe src="https://evil"></iframe>', '&lt;iframe src=&quot;https://evil&quot;&gt;&lt;/iframe&gt;'],
    ['<svg onload=alert(1)>', '&lt;svg onload=alert(1)&gt;'],
    ['<div style="position:fixed" align="center">', '<div align="center">'],
    ['<!-- mlci-report id="x" -->', ''],
    ['a < b > c', 'a &lt; b &gt; c'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });

  it('allows data: only for images', () => {
    expect(isSafeUrl('data:image/png;base64,AA', true)).toBe(true);
    expect(isSafeUrl('data:image/png;base64,AA')).toBe(false);
    expect(isSafeUrl('vbscript:x', true)).toBe(false);
    expect(isSafeUrl('plots/a.png', true)).toBe(true);
  });
});

describe('renderHtml', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlci-html-'));
    await writeFile(join(dir, 'roc.png'), PNG);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('makes one offline page: GFM, mermaid, inlined images, only our own scripts', async () => {
    const md = [
      '## ✅ Report',
      '',
      '| metric | value |',
      '| - | -: |',
      '| acc | 0.91 |',
      '',
      '- [x] done',
      '- [ ] not yet ~~gone~~',
      '',
      '```mermaid',
      'pie title A & B',
      '  "a" : 1',
      '```',
      '',
      '![ROC](roc.png) ![missing](gone.png)',
      '',
      '<script>window.pwned = 1</script>',
      '',
      '[click](javascript:alert(1)) <img src=x onerror="window.pwned=1">',
    ].join('\n');
    const html = await renderHtml(md, { title: 'Report <x>', baseDir: dir });
    // Assertions on the article, so that a failure does not print mermaid's 5 MB bundle.
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    expect(html.slice(0, 2000)).toContain('<title>Report &lt;x&gt;</title>');
    expect(article).toMatch(/<table>[\s\S]*<td align="right">0.91<\/td>/);
    expect(article).toContain('<input checked="" disabled="" type="checkbox">');
    expect(article).toContain('<del>gone</del>');
    expect(article).toContain('<pre class="mermaid">pie title A &amp; B\n  &quot;a&quot; : 1</pre>');
    expect(article).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="ROC">`);
    expect(article).toContain('<em>image not found: missing</em>');
    expect(article).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(article).toContain('<p>click <em>image not found: x</em></p>');
    expect(article).not.toContain('onerror');
    expect(article).not.toContain('javascript:');
    // mermaid's bundle and the line that starts it, allowed by hash, and nothing else.
    expect(html.match(/<script>/g)).toHaveLength(2);
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
  });
});
