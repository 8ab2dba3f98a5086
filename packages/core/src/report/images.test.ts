import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalImages, mapOutsideCode, rewriteImages } from './images.js';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-images-'));
  await mkdir(join(dir, 'plots'));
  await writeFile(join(dir, 'plots', 'roc.png'), PNG);
  await writeFile(join(dir, 'plots', 'my plot (1).png'), PNG);
  await writeFile(join(dir, 'plots', 'pr.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dir, 'secret.txt'), 'token');
  // A pull request can commit a symlink with an image name pointing anywhere.
  await symlink(join(dir, 'secret.txt'), join(dir, 'plots', 'evil.png'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('findLocalImages', () => {
  it('finds markdown and <img> images that are local image files', () => {
    const md = [
      '![ROC curve](plots/roc.png "ROC")',
      'Inline ![pr](./plots/pr.svg) and <img alt="again" src="plots/roc.png" width="300">',
      '![spaces](<plots/my plot (1).png>) ![encoded](plots/my%20plot%20(1).png)',
      '![remote](https://example.com/a.png) ![data](data:image/png;base64,AAAA) ![proto](//cdn/x.png)',
      '![missing](plots/none.png) ![not an image](secret.txt) ![symlink](plots/evil.png)',
      '![absolute](/etc/hostname.png)',
    ].join('\n');
    expect(findLocalImages(md, dir)).toEqual([
      { ref: 'plots/roc.png', path: join(dir, 'plots/roc.png') },
      { ref: './plots/pr.svg', path: join(dir, 'plots/pr.svg') },
      { ref: 'plots/my plot (1).png', path: join(dir, 'plots/my plot (1).png') },
      { ref: 'plots/my%20plot%20(1).png', path: join(dir, 'plots/my plot (1).png') },
    ]);
  });

  it('ignores images written inside code', () => {
    const md = ['```md', '![in fence](plots/roc.png)', '```', 'and `![in span](plots/roc.png)` here', '~~~', '<img src="plots/roc.png">', '~~~'].join('\n');
    expect(findLocalImages(md, dir)).toEqual([]);
    expect(findLocalImages(md + '\n![after](plots/roc.png)', dir)).toHaveLength(1);
  });
});

describe('rewriteImages', () => {
  const md = [
    '# Charts',
    '![ROC curve](plots/roc.png "ROC")',
    '<img alt="PR" src="plots/pr.svg" width="300">',
    '![Loss](plots/loss.png)',
    '![remote](https://example.com/a.png)',
    '```',
    '![code](plots/roc.png)',
    '```',
  ].join('\n');

  it('points published images at their URLs and keeps everything else byte for byte', () => {
    const urls = new Map([
      ['plots/roc.png', 'https://github.com/o/r/raw/abc/roc.png'],
      ['plots/pr.svg', 'https://github.com/o/r/raw/abc/p"r.svg'],
      ['plots/loss.png', 'https://github.com/o/r/raw/abc/loss (1).png'],
    ]);
    expect(rewriteImages(md, urls).split('\n')).toEqual([
      '# Charts',
      '![ROC curve](https://github.com/o/r/raw/abc/roc.png "ROC")',
      '<img alt="PR" src="https://github.com/o/r/raw/abc/p&quot;r.svg" width="300">',
      '![Loss](<https://github.com/o/r/raw/abc/loss (1).png>)',
      '![remote](https://example.com/a.png)',
      '```',
      '![code](plots/roc.png)',
      '```',
    ]);
  });

  it('shows the fallback, or a note, for images that were not published', () => {
    const fallback = (ref: string) => (ref === 'plots/roc.png' ? '```mermaid\nxychart-beta\n  line [1, 2, 3]\n```' : undefined);
    const out = rewriteImages(md, new Map(), fallback);
    expect(out).toContain('# Charts\n\n\n```mermaid\nxychart-beta\n  line [1, 2, 3]\n```\n\n\n');
    expect(out).toContain('_image not published: PR_');
    expect(out).toContain('_image not published: Loss_');
    expect(out).toContain('![remote](https://example.com/a.png)');
    expect(out).toContain('```\n![code](plots/roc.png)\n```');
    expect(out).not.toMatch(/!\[ROC/);
  });

  it('escapes the alt text it shows in the note', () => {
    expect(rewriteImages('![<b>@team</b>](x.png)', new Map())).toBe('_image not published: &lt;b&gt;@&#8203;team&lt;/b&gt;_');
    expect(rewriteImages('![](plots/x_y.png)', new Map())).toBe('_image not published: plots/x\\_y\\.png_');
  });
});

describe('mapOutsideCode', () => {
  it('leaves fenced blocks and code spans of any length alone', () => {
    const md = 'a `b` c ``d ` e`` f\n````\nx\n```\ny\n````\ng';
    expect(mapOutsideCode(md, (t) => t.toUpperCase())).toBe('A `b` C ``d ` e`` F\n````\nx\n```\ny\n````\nG');
  });

  it('treats an unmatched backtick as text', () => {
    expect(mapOutsideCode('a ` b', (t) => t.toUpperCase())).toBe('A ` B');
  });
});
