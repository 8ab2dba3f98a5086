import { expect, it } from 'vitest';
import { scrubDeep, scrubText, withoutSecrets } from './scrub.js';

it('replaces every occurrence, the longer secret first', () => {
  expect(scrubText('a ghs_abc b ghs_abcdef c ghs_abc', ['ghs_abc', 'ghs_abcdef'])).toBe('a *** b *** c ***');
  expect(scrubText('nothing here', [''])).toBe('nothing here');
});

it('scrubs the strings and keys of sections, and the title', () => {
  const o = withoutSecrets({ title: 'T tok', secrets: ['tok'], sections: [{ section: { markdown: '| tok |', data: { tok: [1, 'x tok'] } } }] });
  expect(o.title).toBe('T ***');
  expect(o.sections).toEqual([{ section: { markdown: '| *** |', data: { '***': [1, 'x ***'] } } }]);
  expect(scrubDeep({ n: 1 }, [])).toEqual({ n: 1 });
});
