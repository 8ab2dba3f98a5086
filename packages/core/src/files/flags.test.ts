import { expect, it } from 'vitest';
import { parseBoolean, parseWholeNumber } from './flags.js';

it('reads yes/no words either way, empty as unset, and names the input or flag it refuses', () => {
  expect(['true', 'Yes', ' on ', '1'].map((v) => parseBoolean(v, '--x', 'x'))).toEqual([true, true, true, true]);
  expect(['false', 'NO', 'off', '0'].map((v) => parseBoolean(v, '--x', 'x'))).toEqual([false, false, false, false]);
  expect(parseBoolean('  ', '--x', 'x')).toBeUndefined();
  expect(() => parseBoolean('maybe', '--fail-on-regression', 'fail-on-regression')).toThrow(
    expect.objectContaining({ name: 'UserError', input: 'fail-on-regression', message: '--fail-on-regression must be true or false, not "maybe"' }),
  );
});

it('reads whole numbers at or above the minimum', () => {
  expect(parseWholeNumber(' 5 ', 'input "sample"', 'sample', 1)).toBe(5);
  expect(parseWholeNumber('', 'input "sample"', 'sample', 1)).toBeUndefined();
  for (const bad of ['0', '2.5', 'ten', '-1']) {
    expect(() => parseWholeNumber(bad, 'input "sample"', 'sample', 1)).toThrow(`input "sample" must be a whole number of at least 1, not "${bad}"`);
  }
});
