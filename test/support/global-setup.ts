import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temp folder a test makes (workspaces, runner temps, clones) goes under one root for the
 * run, removed when the run ends, so a test run leaves nothing behind in /tmp. Set KEEP_TEST_TMP=1
 * to keep it for a post-mortem.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mlci-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (process.env.KEEP_TEST_TMP) console.log(`test temp folders kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
