import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quantile, verifyPackage } from './verify.js';

describe('verify', () => {
  it('p50 and p95 by nearest rank', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(xs, 0.5)).toBe(10);
    expect(quantile(xs, 0.95)).toBe(19);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('runs in a clean folder holding only the package, at its path; the input is never interpolated', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'mlci-verify-'));
    const pkg = join(temp, 'pkg');
    await mkdir(pkg);
    await writeFile(join(pkg, 'weights.bin'), 'w');
    const marker = join(temp, 'ran');
    // Only model/ is there, and the command sees its own text as a script, `$(...)` included.
    const command = `test "$(ls)" = model && test -f model/weights.bin && test "$MLCI_MODEL_DIR" = "$PWD/model" && echo '$(touch nope)' >> ${marker}`;
    const r = await verifyPackage({ command, runs: 3, packageDir: pkg, at: 'model', tempDir: temp });
    expect(r.runs).toBe(3);
    expect(r.timesMs).toHaveLength(3);
    expect(r.p95Ms).toBeGreaterThanOrEqual(r.p50Ms);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(marker, 'utf8')).toBe('$(touch nope)\n'.repeat(3));
  });

  it("gets the job's environment, not the action's inputs (the tokens among them)", async () => {
    const temp = await mkdtemp(join(tmpdir(), 'mlci-verify-'));
    await mkdir(join(temp, 'pkg'));
    const env = { 'INPUT_GITHUB-TOKEN': 'ghs_secret', 'INPUT_REGISTRY-PASSWORD': 'pw', ACTIONS_RUNTIME_TOKEN: 'rt', MLCI_KEEP: 'kept' };
    const command = 'test -z "$(env | grep -E \'^(INPUT_|ACTIONS_RUNTIME_TOKEN)\')" && test "$MLCI_KEEP" = kept';
    const r = await verifyPackage({ command, runs: 1, packageDir: join(temp, 'pkg'), at: 'm', tempDir: temp, env });
    expect(r.runs).toBe(1);
  });

  it('a non-zero exit is an error naming "verify"', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'mlci-verify-'));
    await mkdir(join(temp, 'pkg'));
    await expect(verifyPackage({ command: 'exit 4', runs: 2, packageDir: join(temp, 'pkg'), at: 'm', tempDir: temp })).rejects.toThrow(
      /input "verify": the command exited with code 4 on run 1 of 2/,
    );
  });
});
