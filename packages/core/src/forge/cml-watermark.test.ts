import { describe, expect, it } from 'vitest';
import { hasCmlWatermark } from './cml-watermark.js';

// Each as that CML version appended it to the report (`${report}\n\n${watermark}`), read from iterative/cml's source.
const SHA = '3f2a9c0d5b7e4f1a8c6d2e0b9a7f5c3e1d8b6a4f';
const CML = {
  'v0.3.0 to v0.18.7': ' \n\n  ![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)',
  'v0.18.8, no label': '\n\n![](https://cml.dev/watermark.png "CML watermark")',
  'v0.18.8, a label with CML escapes': '\n\n![](https://cml.dev/watermark.png "CML watermark nightly\\_run \\*1\\* \\[x\\] \\<y")',
  'v0.18.15, the commit sha': `\n\n![](https://cml.dev/watermark.png#${SHA} "CML watermark")`,
  'v0.18.15, sha and {workflow} {run} filled in': `\n\n![](https://cml.dev/watermark.png#${SHA} "CML watermark train.yml 123456")`,
};

describe('hasCmlWatermark', () => {
  it.each(Object.entries(CML))('finds %s', (_, watermark) => {
    expect(hasCmlWatermark(`## Metrics\n\n| acc | 0.91 |\n${watermark}`)).toBe(true);
  });

  it.each([
    ['CML mentioned in text', 'We used to post this with CML watermark images.'],
    ['a link, not an image', '[](https://cml.dev/watermark.png "CML watermark")'],
    ['another title', '![](https://cml.dev/watermark.png "my watermark")'],
    ['another host', '![](https://cml.dev.evil.example/watermark.png "CML watermark")'],
    ['a sha fragment that is not hex', '![](https://cml.dev/watermark.png#main "CML watermark")'],
    ['the old image from another repository', '![CML watermark](https://raw.githubusercontent.com/someone/cml/master/assets/watermark.svg)'],
    ['a title that does not close', '![](https://cml.dev/watermark.png "CML watermark\nnext line")'],
  ])('does not take %s for it', (_, body) => {
    expect(hasCmlWatermark(body)).toBe(false);
  });
});
