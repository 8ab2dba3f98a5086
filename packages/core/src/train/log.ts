import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { scrubSecretsAndTokens } from '../report/scrub.js';

// A line longer than this is scrubbed in pieces of this size (a secret split across two pieces
// would be missed; a log line of a megabyte is not where a token is printed).
const MAX_LINE = 1 << 20;

/**
 * Rewrites a command's log with the secrets (and token-shaped strings) replaced by `***`, before
 * its tail goes into the report and the file into the run-cache and the artifact: the runner masks
 * them in the job log only. Lines without a secret keep their bytes as they were; the file is
 * replaced only when something was masked. Returns how many lines changed.
 */
export async function scrubLogFile(path: string, secrets: readonly string[]): Promise<number> {
  const tmp = `${path}.scrub`;
  const out = createWriteStream(tmp);
  let changed = 0;
  let carry = Buffer.alloc(0);
  const put = (line: Buffer) => {
    const text = line.toString('utf8');
    const clean = scrubSecretsAndTokens(text, secrets);
    if (clean === text) return out.write(line);
    changed++;
    return out.write(clean);
  };
  try {
    for await (const chunk of createReadStream(path)) {
      let buf = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      let nl: number;
      while ((nl = buf.indexOf(0x0a)) !== -1) {
        put(buf.subarray(0, nl + 1));
        buf = buf.subarray(nl + 1);
      }
      while (buf.length > MAX_LINE) {
        put(buf.subarray(0, MAX_LINE));
        buf = buf.subarray(MAX_LINE);
      }
      carry = Buffer.from(buf);
    }
    if (carry.length > 0) put(carry);
  } finally {
    await new Promise<void>((done, fail) => out.end((e?: Error | null) => (e ? fail(e) : done())));
  }
  if (changed > 0) await rename(tmp, path);
  else await rm(tmp, { force: true });
  return changed;
}
