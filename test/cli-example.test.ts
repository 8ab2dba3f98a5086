import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/runner.js';
import { collect, type Spawned } from './support/spawned.js';

/**
 * The README's first command, `npm run example`, from a clean clone of this repository: every
 * figure in the report it writes is computed by that run, and this test computes the headline
 * ones again on its own, from the files the run left (the data, and the predictions the trainer
 * wrote under `mlci train`).
 *
 * `npm ci --offline` would take minutes, so the clone gets a node_modules of its own whose
 * entries are symlinks into this worktree's, except the workspace packages (@mlci/*), which point
 * at the clone's own packages: the clone compiles and runs its own code, nothing of this tree.
 */

let clone: string;
let run: Spawned;

function sh(cmd: string, args: string[], cwd: string): Promise<Spawned> {
  // A CI's variables would change where sections go and which run they belong to.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|MLCI_|RUNNER_)/.test(k) && k !== 'CI')) as Record<string, string>;
  return collect(spawn(cmd, args, { cwd, env }));
}

async function linkedNodeModules(into: string): Promise<void> {
  const nm = join(into, 'node_modules');
  await mkdir(join(nm, '@mlci'), { recursive: true });
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name !== '@mlci') await symlink(join(ROOT, 'node_modules', name), join(nm, name));
  }
  for (const [name, dir] of [
    ['core', 'core'],
    ['action-kit', 'action-kit'],
    ['cli', 'cli'],
  ]) {
    await symlink(join(into, 'packages', dir), join(nm, '@mlci', name));
  }
}

beforeAll(async () => {
  clone = join(await mkdtemp(join(tmpdir(), 'mlci-clone-')), 'mlci');
  const cloned = await sh('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], ROOT);
  expect(cloned.code, cloned.stderr).toBe(0);
  await linkedNodeModules(clone);
  run = await sh('npm', ['run', 'example'], clone);
}, 300_000);

/** The row of a metric in the report's metrics table (the training section lists metrics too): its cells, trimmed. */
function row(md: string, key: string): string[] | undefined {
  return md
    .slice(md.search(/^### .*Metrics/m))
    .split('\n')
    .find((l) => l.startsWith(`| \`${key}\``))
    ?.split('|')
    .map((c) => c.trim());
}

function csv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const cols = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('npm run example, from a clean clone', () => {
  it('runs validate, train (twice), compare and report, and passes', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('$ mlci train (base)');
    expect(run.stdout).toContain('run.mjs: 5 steps, all passed');
    expect(run.stdout).toContain('4 section(s), status warn');
    // A fresh run-cache: both trainings ran, neither was restored.
    expect(run.stderr.match(/Run-cache miss/g)?.length).toBe(2);
  });

  it("reports the accuracy that the trainer's own predictions give, for base and head", async () => {
    const out = join(clone, 'mlci-report');
    const md = await readFile(join(out, 'report.md'), 'utf8');
    const accuracy = async (dir: string) => {
      const predictions = csv(await readFile(join(dir, 'eval/plots/predictions.csv'), 'utf8'));
      expect(predictions.length).toBeGreaterThan(50);
      return Number((predictions.filter((p) => p.actual === p.predicted).length / predictions.length).toFixed(4));
    };
    const head = await accuracy(join(out, 'work'));
    const base = await accuracy(join(out, 'work/base'));
    expect(row(md, 'test.accuracy')?.slice(2, 4)).toEqual([String(base), String(head)]);
    expect(head).toBeGreaterThan(base);
    // Each species' recall, from the same predictions.
    const predictions = csv(await readFile(join(out, 'work/eval/plots/predictions.csv'), 'utf8'));
    // (A metric that did not change is folded away, so the metrics file stands in for its row.)
    const metrics = JSON.parse(await readFile(join(out, 'work/eval/metrics.json'), 'utf8'));
    let shown = 0;
    for (const species of ['Adelie', 'Chinstrap', 'Gentoo']) {
      const actual = predictions.filter((p) => p.actual === species);
      const recall = Number((actual.filter((p) => p.predicted === species).length / actual.length).toFixed(4));
      expect([species, metrics.test[species].recall]).toEqual([species, recall]);
      const cells = row(md, `test.${species}.recall`);
      if (cells) expect([species, cells[3]]).toEqual([species, String(recall)]);
      if (cells) shown++;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('reports the rows of the data as the CSV has them, and the training that mlci train measured', async () => {
    const out = join(clone, 'mlci-report');
    const md = await readFile(join(out, 'report.md'), 'utf8');
    const rows = csv(await readFile(join(clone, 'examples/penguins/data/penguins.csv'), 'utf8'));
    expect(md).toContain(`**${rows.length} rows**`);
    const features = ['bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'bill_length_mm'];
    const usable = rows.filter((r) => features.every((f) => r[f] !== 'NA' && r[f] !== ''));
    const test = Math.round(usable.length * 0.25);
    expect(row(md, 'data.test_rows')?.[3]).toBe(String(test));
    expect(row(md, 'data.train_rows')?.[3]).toBe(String(usable.length - test));
    expect(md).toMatch(/Training/);
    expect(md).toContain('node train.mjs --data data/penguins.csv --params params.yaml --out eval');
  });
});
