import { expect, it } from 'vitest';
import { splitList, splitLists } from './lists.js';

it('splits on newlines and on commas outside braces', () => {
  expect(splitList('data/*.{csv,tsv}, extra.csv\nmore/{a,b{c,d}}.json\n# a comment\n\n')).toEqual(['data/*.{csv,tsv}', 'extra.csv', 'more/{a,b{c,d}}.json']);
});

it('never lets an unclosed brace swallow the next line', () => {
  expect(splitList('data/{a,b\nc.csv,d.csv')).toEqual(['data/{a,b', 'c.csv', 'd.csv']);
});

it('reads a repeated flag, a comma list and a newline list as the same list', () => {
  const repeated = splitLists(['data/*.{csv,tsv}', 'b.csv', ' c.csv ']);
  expect(repeated).toEqual(['data/*.{csv,tsv}', 'b.csv', 'c.csv']);
  expect(splitLists('data/*.{csv,tsv}, b.csv, c.csv')).toEqual(repeated);
  expect(splitLists('data/*.{csv,tsv}\nb.csv\nc.csv\n')).toEqual(repeated);
  expect(splitLists(['data/*.{csv,tsv}', 'b.csv,c.csv'])).toEqual(repeated);
  expect(splitLists(undefined)).toEqual([]);
  expect(splitLists(['', '# none'])).toEqual([]);
});
