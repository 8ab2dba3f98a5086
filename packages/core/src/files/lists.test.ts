import { expect, it } from 'vitest';
import { splitList } from './lists.js';

it('splits on newlines and on commas outside braces', () => {
  expect(splitList('data/*.{csv,tsv}, extra.csv\nmore/{a,b{c,d}}.json\n# a comment\n\n')).toEqual([
    'data/*.{csv,tsv}',
    'extra.csv',
    'more/{a,b{c,d}}.json',
  ]);
});

it('never lets an unclosed brace swallow the next line', () => {
  expect(splitList('data/{a,b\nc.csv,d.csv')).toEqual(['data/{a,b', 'c.csv', 'd.csv']);
});
