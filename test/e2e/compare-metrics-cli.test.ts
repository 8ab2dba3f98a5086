import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mlci as run } from '../support/cli.js';
import { FIXTURES, GET_STARTED, readJson, repository, workspaceFrom } from './compare-metrics-support.js';

/**
 * `mlci compare` on a laptop: the same comparison as the action, with the baseline from the local
 * clone or a directory, exit code 1 when a gate fails.
 */
const mlci = (args: string[], cwd: string) => run(['compare', ...args], { cwd });

const METRICS = ['--metrics', 'eval/live/metrics.json', '--metrics', 'scores.json'];

describe('mlci compare', () => {
  it('compares with a ref of the local clone and writes the diff JSON into the report directory', async () => {
    const { workspace } = await repository(join(GET_STARTED, 'base'), join(GET_STARTED, 'head'));
    const r = await mlci([...METRICS, '--params', 'params.yaml', '--baseline', 'git:main', '--report-dir', 'out'], workspace);
    expect(r.code, r.stderr).toBe(0);
    // A terminal table, not GitHub's markdown (which escapes `*` and wraps names in backticks).
    expect(r.stdout).toMatch(/^roc_auc ↑\* +0\.9608 +0\.9473 +-0\.01354 \(-1\.41%\) +🔴 regressed$/m);
    expect(r.stdout).not.toMatch(/\\[*_:()]|&lt;|&gt;|&amp;|\*\*|^\|/m);
    expect(r.stdout).toContain('mlci compare: 4 regressed, 2 improved; 3 params changed');
    const dir = join(workspace, 'out');
    const assets = (await readdir(dir)).filter((f) => f.startsWith('compare-metrics-') && !f.endsWith('.json'));
    expect(assets).toHaveLength(1);
    const diff = await readJson(join(dir, assets[0], 'diff.json'));
    expect(diff.metrics.filter((m: any) => m.status === 'regressed')).toHaveLength(4);
  });

  it('compares the working tree with the last commit by default', async () => {
    const { workspace } = await repository(join(GET_STARTED, 'base'), join(GET_STARTED, 'base'));
    await cp(join(GET_STARTED, 'head/scores.json'), join(workspace, 'scores.json'));
    const r = await mlci(['--metrics', 'scores.json'], workspace);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Compared with git:HEAD (local clone)');
    expect(r.stdout).toContain('mlci compare: 2 regressed');
  });

  it('warns about a baseline commit older than --max-baseline-age, and not about a younger one', async () => {
    const { workspace } = await repository(join(GET_STARTED, 'base'), join(GET_STARTED, 'base'));
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await promisify(execFile)(
      'git',
      ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '--amend', '--allow-empty', '--no-edit', '--date', monthAgo],
      {
        cwd: workspace,
        env: { ...process.env, GIT_COMMITTER_DATE: monthAgo },
      },
    );
    await cp(join(GET_STARTED, 'head/scores.json'), join(workspace, 'scores.json'));
    const stale = await mlci(['--metrics', 'scores.json', '--max-baseline-age', '14d'], workspace);
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stderr).toMatch(
      /warning: The baseline is stale: git:HEAD \(local clone\) is a commit from (29|30) days ago, more than max-baseline-age \(14 days\)/,
    );
    expect(stale.stdout).toContain('⚠️ The baseline is stale');
    const fresh = await mlci(['--metrics', 'scores.json', '--max-baseline-age', '6w'], workspace);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr + fresh.stdout).not.toContain('stale');
    const bad = await mlci(['--metrics', 'scores.json', '--max-baseline-age', 'a month'], workspace);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"a month" is not an age');
  });

  it('exits 1 when a gate fails, and 0 with --fail-on-regression false', async () => {
    const workspace = await workspaceFrom(join(GET_STARTED, 'head'));
    await cp(join(GET_STARTED, 'base'), join(workspace, 'previous'), { recursive: true });
    await cp(join(FIXTURES, 'gates/fail.yml'), join(workspace, 'gates.yml'));
    const args = [...METRICS, '--baseline', 'file:previous', '--gates', 'gates.yml'];
    const r = await mlci(args, workspace);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gates\.yml: error: gate roc_auc max-regression 1%: regressed by 0\.01354/m);
    const soft = await mlci([...args, '--fail-on-regression', 'false'], workspace);
    expect(soft.code, soft.stderr).toBe(0);
    expect(soft.stderr).toContain('gates.yml: warning: gate roc_auc max-regression 1%');
  });

  it('takes --predictions, --id-column and --slice-min-count as the action takes its inputs', async () => {
    const workspace = await workspaceFrom(join(GET_STARTED, 'head'));
    const files: Record<string, string> = {
      'm.json': '{"slice/north/recall": 0.6, "slice/north/count": 12}',
      'p.csv': 'key,actual,predicted\nk1,a,a\nk2,b,a\n',
      'previous/m.json': '{"slice/north/recall": 0.8, "slice/north/count": 12}',
      'previous/p.csv': 'key,actual,predicted\nk1,a,b\nk2,b,b\n',
    };
    await mkdir(join(workspace, 'previous'));
    for (const [path, text] of Object.entries(files)) await writeFile(join(workspace, path), text);
    const args = ['--metrics', 'm.json', '--baseline', 'file:previous', '--predictions', 'p.csv', '--id-column', 'key'];
    const r = await mlci([...args, '--slice-min-count', '10'], workspace);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^north +12 +🔴 0\.6 \(-0\.2\) +🔴 recall regressed$/m);
    expect(r.stdout).toContain('Newly wrong (1): k2');
    expect(r.stdout).toContain('Newly right (1): k1');
    const thin = await mlci(args, workspace);
    expect(thin.stdout).toMatch(/^north +12 +0\.6 \(-0\.2\) +⚠️ too few rows$/m);
    const unknown = await mlci([...args.slice(0, -2)], workspace);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^p\.csv:1:1: error: no id column "id"/m);
  });

  it('says where a malformed metrics file breaks, and refuses baselines that need GitHub Actions', async () => {
    const workspace = await workspaceFrom(join(GET_STARTED, 'head'));
    await writeFile(join(workspace, 'scores.json'), '{\n  "roc_auc": 0.95\n  "avg_prec": 0.5\n}\n');
    const r = await mlci([...METRICS, '--baseline', 'none'], workspace);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^scores\.json:3:3: error: invalid JSON/);
    const cache = await mlci(['--metrics', 'eval/live/metrics.json', '--baseline', 'cache'], workspace);
    expect(cache.code).toBe(2);
    expect(cache.stderr).toContain('exist only in GitHub Actions');
    // Errors name the flag the user typed, not the action input.
    const missing = await mlci(['--metrics', 'nope.json', '--baseline', 'none'], workspace);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: --metrics: file "nope.json" does not exist');
    expect(missing.stderr).not.toContain('input "');
  });
});
