import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalImages, imageKind, mapOutsideCode, rewriteImages, vetUntrustedImages } from './images.js';

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

describe('vetUntrustedImages', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'mlci-outside-'));
    root = await mkdtemp(join(tmpdir(), 'mlci-bundle-'));
    await writeFile(join(outside, 'secret.png'), PNG);
    await mkdir(join(root, 'img'));
    await writeFile(join(root, 'img', 'a.png'), PNG);
    await writeFile(join(root, 'img', 'b.png'), Buffer.concat([PNG, Buffer.from('b')]));
    await writeFile(join(root, 'img', 'c.png'), Buffer.concat([PNG, Buffer.alloc(100)]));
    await writeFile(join(root, 'img', 'svg.png'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(root, 'img', 'page.gif'), '<!doctype html><script>x</script>');
    await symlink(join(outside, 'secret.png'), join(root, 'img', 'link.png'));
    await symlink(join(root, 'img', 'a.png'), join(root, 'img', 'inside.png'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });
  const img = (ref: string, path = join(root, ref)) => ({ ref, path });

  it('keeps pictures inside the bundle and drops what lies outside or is not a picture', async () => {
    const { kept, dropped } = await vetUntrustedImages(
      [
        [
          img('img/a.png'),
          img('../secret.png', join(outside, 'secret.png')),
          img('img/link.png'),
          img('img/inside.png'),
          img('img/svg.png'),
          img('img/page.gif'),
          img('img/none.png'),
        ],
      ],
      root,
    );
    expect(kept[0].map((i) => i.ref)).toEqual(['img/a.png', 'img/inside.png']);
    // A link inside the bundle is published as the file it points to.
    expect(kept[0][1].path).toBe(kept[0][0].path);
    expect(dropped[0]).toEqual([
      { ref: '../secret.png', reason: 'outside the report bundle' },
      { ref: 'img/link.png', reason: 'outside the report bundle' },
      { ref: 'img/svg.png', reason: 'not a PNG, JPEG, GIF or WebP image' },
      { ref: 'img/page.gif', reason: 'not a PNG, JPEG, GIF or WebP image' },
      { ref: 'img/none.png', reason: 'not found' },
    ]);
  });

  it('caps the count, each size and the total across sections, counting a file once', async () => {
    const size = PNG.length;
    const limits = { count: 2, bytesEach: size + 50, bytesTotal: 2 * size };
    const { kept, dropped } = await vetUntrustedImages(
      [
        [img('img/a.png'), img('img/c.png')],
        [img('img/a.png'), img('img/b.png'), img('img/inside.png')],
      ],
      root,
      limits,
    );
    expect(kept.map((k) => k.map((i) => i.ref))).toEqual([['img/a.png'], ['img/a.png', 'img/inside.png']]);
    expect(dropped).toEqual([
      [{ ref: 'img/c.png', reason: `larger than ${size + 50} bytes` }],
      [{ ref: 'img/b.png', reason: `more than ${2 * size} bytes of images in all` }],
    ]);
    const byCount = await vetUntrustedImages([[img('img/a.png'), img('img/b.png'), img('img/c.png')]], root, { count: 2, bytesEach: 1e6, bytesTotal: 1e6 });
    expect(byCount.dropped[0]).toEqual([{ ref: 'img/c.png', reason: 'more than 2 images' }]);
  });
});

describe('imageKind', () => {
  it.each([
    ['png', PNG],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['gif', Buffer.from('GIF89a\x01\x00', 'latin1')],
    ['webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')],
    [undefined, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    [undefined, Buffer.from('<html>')],
    [undefined, Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1')],
    [undefined, Buffer.alloc(0)],
  ])('%s', (kind, bytes) => expect(imageKind(bytes)).toBe(kind));
});
