import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pullRequestEvent } from './events/index.js';
import { startGitHubServer, type GitHubServer } from './github/server.js';
import { runInProcess } from './in-process.js';
import { runtimeToken } from './results/index.js';

/**
 * The in-process harness gives each step what a spawned step gets, and takes it back: the test's
 * environment, working directory and exit code afterwards, and a process.exit that ends the step,
 * not the worker.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_in_process_harness';
const HEAD = '9'.repeat(40);

describe('an adapter', () => {
  it('does nothing when its module is imported', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const before = process.exitCode;
    const main = await import('../../actions/validate-data/src/main.js');
    expect(typeof main.run).toBe('function');
    expect(write).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(before);
    write.mockRestore();
  });
});

describe('runInProcess', () => {
  let silent: Server;
  let servers: GitHubServer[];
  beforeAll(async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    servers = [await startGitHubServer(), await startGitHubServer()];
    for (const gh of servers) {
      gh.addRepo(REPO);
      gh.addToken(TOKEN, { login: 'github-actions[bot]', type: 'Bot', installation: true, write: true });
      gh.addPull(REPO, { number: 8, headSha: HEAD });
    }
  });
  afterAll(async () => {
    silent.closeAllConnections();
    silent.close();
    for (const gh of servers) await gh.close();
  });

  it('stands in for the process.exit that runAction calls after abandoning a request, and restores the test process', async () => {
    const env = { ...process.env };
    const cwd = process.cwd();
    const exit = process.exit;
    const r = await runInProcess({
      action: 'comment-report',
      env: {
        ACTIONS_RESULTS_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
        ACTIONS_RUNTIME_TOKEN: runtimeToken({ workflowRunBackendId: 'run-1', workflowJobRunBackendId: 'job-1' }),
        MLCI_ARTIFACT_TIMEOUT_MS: '300',
      },
      files: { 'report.md': '## Report\n' },
      inputs: { markdown: 'report.md', 'upload-artifact': 'mlci-report', target: 'none' },
    });
    expect(r.exited).toBe(true);
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringContaining('the artifact service did not finish uploading mlci-report within 300 ms'),
    ]);
    expect(process.env).toEqual(env);
    expect(process.cwd()).toBe(cwd);
    expect(process.exit).toBe(exit);
    expect(process.exitCode).toBeUndefined();

    // The next step in the same process starts afresh: it does not exit, and it succeeds.
    const next = await runInProcess({ action: 'validate-data', files: { 'd.csv': 'a\n1\n' }, inputs: { data: 'd.csv' } });
    expect(next).toMatchObject({ exited: false, code: 0 });
    expect(next.outputs.rows).toBe('1');
  });

  it('gives each step its own step summary and its own GitHub (GITHUB_STEP_SUMMARY and GITHUB_API_URL read per step)', async () => {
    const steps = [];
    for (const [i, gh] of servers.entries()) {
      steps.push(
        await runInProcess({
          action: 'comment-report',
          github: gh,
          token: TOKEN,
          repository: REPO,
          event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 8, headSha: HEAD, apiUrl: gh.url }) },
          files: { 'report.md': `## Report of step ${i}\n` },
          inputs: { markdown: 'report.md' },
        }),
      );
    }
    for (const [i, gh] of servers.entries()) {
      expect(steps[i].code, steps[i].stdout).toBe(0);
      expect(steps[i].summary).toContain(`Report of step ${i}`);
      expect(steps[i].summary).not.toContain(`Report of step ${1 - i}`);
      expect(gh.comments(REPO, 8).map((c) => c.body)).toEqual([expect.stringContaining(`Report of step ${i}`)]);
      expect(gh.violations).toEqual([]);
    }
  });
});
