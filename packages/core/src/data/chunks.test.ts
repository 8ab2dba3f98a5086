import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { byteColumn, readChunks, type ChunkOptions } from './chunks.js';
import { bufferSource, type ByteSource } from './source.js';

/** A source that hands out at most `step` bytes a read, as a pipe or a slow disk may. */
function trickle(data: Buffer, step: number): ByteSource {
  const inner = bufferSource(data);
  return { read: (buf, offset, length) => inner.read(buf, offset, Math.min(length, step)), close: () => inner.close() };
}

/** Collects complete lines; an unfinished line waits for more bytes (or the end). */
async function lines(source: ByteSource, options: ChunkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  await readChunks(
    source,
    'x.txt',
    options,
    (buf, pos, len, eof) => {
      for (;;) {
        const nl = buf.indexOf(10, pos);
        if (nl < 0 || nl >= len) break;
        out.push(buf.toString('utf8', pos, nl));
        pos = nl + 1;
      }
      if (eof && pos < len) {
        out.push(buf.toString('utf8', pos, len));
        return len;
      }
      return pos;
    },
    () => out.length + 1,
  );
  return out;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('readChunks', () => {
  it('drops a BOM even when it arrives one byte a read, and only at the start', async () => {
    const data = Buffer.concat([BOM, Buffer.from('a\n'), BOM, Buffer.from('b\nc')]);
    for (const step of [1, 2, 3, 1 << 20]) {
      expect(await lines(trickle(data, step), { chunkBytes: 4 })).toEqual(['a', '\uFEFFb', 'c']);
    }
  });

  it('reads inputs shorter than a BOM, and an empty one', async () => {
    expect(await lines(trickle(Buffer.from('a'), 1))).toEqual(['a']);
    expect(await lines(bufferSource(BOM))).toEqual([]);
    expect(await lines(bufferSource(''))).toEqual([]);
  });

  it('grows the buffer for a record longer than a chunk and keeps the records around it', async () => {
    const long = 'x'.repeat(1000);
    expect(await lines(bufferSource(`a\n${long}\nb\n`), { chunkBytes: 16 })).toEqual(['a', long, 'b']);
  });

  it('refuses a record longer than the limit, naming the line where it starts and the likely cause', async () => {
    const data = Buffer.from('a\nb\n' + 'x'.repeat(5000));
    const noHint = lines(bufferSource(data), { chunkBytes: 256, maxRecordBytes: 1024 });
    await expect(noHint).rejects.toBeInstanceOf(UserError);
    await expect(noHint).rejects.toMatchObject({
      file: 'x.txt',
      line: 3,
      message: expect.stringMatching(/^a record starting at line 3 is longer than \d+ MiB$/),
    });
    const never = () => 0;
    const hinted = readChunks(
      bufferSource(Buffer.alloc(3 << 20, 'x')),
      'x.txt',
      { chunkBytes: 256, maxRecordBytes: 2 << 20 },
      never,
      () => 7,
      ': is a quote left open?',
    );
    await expect(hinted).rejects.toMatchObject({ line: 7, message: 'a record starting at line 7 is longer than 2 MiB: is a quote left open?' });
  });
});

describe('byteColumn', () => {
  it('counts from the last line feed before the byte, looking back no further than the start given', () => {
    const buf = Buffer.from('ab\ncde\nf');
    expect(byteColumn(buf, 0, 0)).toBe(1);
    expect(byteColumn(buf, 1, 0)).toBe(2);
    expect(byteColumn(buf, 5, 0)).toBe(3);
    expect(byteColumn(buf, 7, 0)).toBe(1);
    expect(byteColumn(buf, 5, 4)).toBe(2);
  });
});

describe('readChunks on a source of small reads (gunzip yields 16 KiB at a time)', () => {
  it('rescans one 8 MiB record once per doubling of the buffer, not once per read', async () => {
    const record = Buffer.alloc(8 * 1024 * 1024, 0x61);
    let scanned = 0;
    let calls = 0;
    await readChunks(
      trickle(Buffer.concat([record, Buffer.from('\n')]), 16 * 1024),
      'x.gz',
      { chunkBytes: 64 * 1024 },
      (buf, pos, len, eof) => {
        calls++;
        const nl = buf.indexOf(10, pos);
        scanned += (nl < 0 || nl >= len ? len : nl) - pos;
        return nl >= 0 && nl < len ? nl + 1 : eof ? len : pos;
      },
      () => 1,
    );
    // The buffer doubles from 64 KiB until it holds the record: a call per size, and the bytes
    // scanned a geometric sum below twice the last size (a read per 16 KiB: 512 calls, 2 GiB).
    expect(calls).toBeLessThanOrEqual(12);
    expect(scanned).toBeLessThan(4 * record.length);
  });

  it('stops at the record limit after reading just past it', async () => {
    let given = 0;
    const source: ByteSource = {
      async read(buf, offset, length) {
        const n = Math.min(length, 16 * 1024);
        buf.fill(0, offset, offset + n);
        given += n;
        return n;
      },
      async close() {},
    };
    await expect(
      readChunks(
        source,
        'nul.gz',
        { maxRecordBytes: 1024 * 1024, chunkBytes: 64 * 1024 },
        (_b, pos) => pos,
        () => 1,
      ),
    ).rejects.toThrow(/longer than 1 MiB/);
    expect(given).toBe(1024 * 1024);
  });
});
