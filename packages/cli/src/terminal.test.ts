import { describe, expect, it } from 'vitest';
import { markdownToText } from './terminal.js';

describe('markdownToText', () => {
  it('shows GitHub-escaped markdown as the text it stands for', () => {
    const md = [
      '### Metrics against git\\:main \\(a1b2c3d\\)',
      '',
      '**Verdict: failed** for `user_id` and a\\_b, &lt;b&gt; &amp; &#x1F642;',
      '',
      '| Metric | Base | Change |',
      '|:---|---:|:---|',
      '| `roc_auc` ↑\\* | 0.96 | 🔴 regressed |',
      '| x | 1 | ok |',
      '',
      '- one [docs](https://example.com/d)',
      '- ![chart of roc\\_auc](assets/roc.png)',
      '',
      '<details><summary>Unchanged (2)</summary>',
      '',
      'hidden',
      '',
      '</details>',
      '<!-- mlci-section id="x" -->',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      [
        'Metrics against git:main (a1b2c3d)',
        '',
        'Verdict: failed for user_id and a_b, <b> & 🙂',
        '',
        'Metric      Base  Change',
        '----------  ----  ------------',
        'roc_auc ↑*  0.96  🔴 regressed',
        'x              1  ok',
        '',
        '- one docs (https://example.com/d)',
        '- [image: chart of roc_auc] assets/roc.png',
        '',
        'Unchanged (2)',
        'hidden',
        '',
      ].join('\n'),
    );
  });
});
