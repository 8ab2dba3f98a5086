import { expect, it } from 'vitest';
import { sectionTitle } from './run.js';

it('titles the section by its data files, shortened past 60 characters', () => {
  expect(sectionTitle(['data/train.csv', 'data/test.csv'])).toBe('Data validation: data/train.csv, data/test.csv');
  const long = sectionTitle(Array.from({ length: 10 }, (_, i) => `data/part-${i}.csv`));
  expect(long).toMatch(/^Data validation: data\/part-0\.csv, .*…$/);
  expect(long.length).toBe('Data validation: '.length + 60);
});
