import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { scrubLogFile } from './log.js';

it('masks a secret that a long line carries past the first megabyte, and one in the last line without a newline', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-log-'));
  const file = join(dir, 'train.log');
  const secret = 's3cr3t-value-42';
  await writeFile(file, `${'a'.repeat(300_000)} ${secret}\nplain\nend ${secret}`);
  expect(await scrubLogFile(file, [secret])).toBe(2);
  expect(await readFile(file, 'utf8')).toBe(`${'a'.repeat(300_000)} ***\nplain\nend ***`);
});

it('leaves the file as it was when nothing is secret', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-log-'));
  const file = join(dir, 'train.log');
  await writeFile(file, 'epoch 1\r\nepoch 2\n');
  expect(await scrubLogFile(file, ['absent-secret'])).toBe(0);
  expect(await readFile(file, 'utf8')).toBe('epoch 1\r\nepoch 2\n');
});
