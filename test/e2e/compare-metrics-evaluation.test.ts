import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent } from '../support/events/index.js';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { ROOT } from '../support/runner.js';
import { compareMetrics, readJson, repository, workspaceFrom } from './compare-metrics-support.js';

/**
 * Slices and confusion through the bundle (dist/compare-metrics/index.js) on real data: two
 * scikit-learn models trained on vega-datasets' penguins (test/fixtures/compare-metrics/penguins/
 * evaluate.py: logistic regression on the bills at base, a depth-2 tree on flipper and mass at
 * head), scored on the same held-out penguins with per-island and per-sex metrics, predictions with
 * ids, and dvclive's confusion records. The numbers in the comment are checked against
 * scikit-learn's own confusion_matrix of the same predictions and the script's metrics.
 */

const REPO = 'octo/penguins';
const TOKEN = 'ghs_evaluation_token';
const gh = useGitHub({ repo: REPO, token: TOKEN });
const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'penguins', number: 9, headSha: 'e'.repeat(40), baseRef: 'main' }) };
const results = useResultsService({ repository: REPO, headSha: 'b'.repeat(40) });
const compare = compareMetrics({ github: gh, token: TOKEN, repository: REPO, event, inputs: { metrics: 'metrics.json' } });

const SCRIPT = join(ROOT, 'test/fixtures/compare-metrics/penguins/evaluate.py');
const PENGUINS = join(ROOT, 'node_modules/vega-datasets/data/penguins.json');
const GATES = 'metrics:\n  "slice/*/accuracy": { min: 0.8 }\n';

interface Reference {
  labels: string[];
  matrix: number[][];
  ids: string[];
  right: boolean[];
  slices: Record<string, { recall: number; accuracy: number; count: number }>;
}

let sides: { base: string; head: string };
let ref: { base: Reference; head: Reference };

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-penguins-'));
  sides = { base: join(dir, 'base'), head: join(dir, 'head') };
  for (const side of ['base', 'head'] as const) await promisify(execFile)('/usr/bin/python3', [SCRIPT, PENGUINS, sides[side], side]);
  ref = { base: await readJson(join(sides.base, 'reference.json')), head: await readJson(join(sides.head, 'reference.json')) };
}, 60_000);

/** The rows of the markdown table that follows `title`. */
function tableAfter(md: string, title: string): string[][] {
  const lines = md.slice(md.indexOf(title)).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows = lines.slice(start).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('|')));
  return rows.slice(2).map((r) =>
    r
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim()),
  );
}

const signed = (x: number) => (x === 0 ? '·' : x > 0 ? `+${x}` : `−${-x}`);
const points = (x: number) => (Math.abs(x) < 0.0005 ? '·' : `${x > 0 ? '+' : '−'}${(Math.abs(x) * 100).toFixed(1)}`);

describe('compare-metrics with slices and predictions, on two penguin classifiers', () => {
  it('shows the change matrix, the moved pairs and the ids as scikit-learn counts them, and the slices worst first', async () => {
    const { workspace } = await repository(sides.base, sides.head);
    const r = await compare({
      workspace,
      files: { '.mlci/gates.yml': GATES },
      inputs: { gates: '.mlci/gates.yml', predictions: 'predictions.csv', 'fail-on-regression': 'false' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await readFile(r.outputs.markdown, 'utf8');
    // The README's screenshots are rendered from this very markdown (scripts/screenshot.mjs).
    if (process.env.MLCI_SAVE_REPORT) await writeFile(process.env.MLCI_SAVE_REPORT, md);

    // The change matrix in counts: sklearn's head matrix minus its base matrix, cell by cell.
    const labels = ref.head.labels;
    const counts = tableAfter(md, 'Change in counts');
    expect(counts.map((row) => row[0])).toEqual(labels.map((l) => `**${l}**`));
    expect(counts.map((row) => row.slice(1))).toEqual(labels.map((_, i) => labels.map((_, j) => signed(ref.head.matrix[i][j] - ref.base.matrix[i][j]))));

    // Row-normalised: each side's row divided by its own total, then subtracted.
    const share = (m: number[][], i: number, j: number) => m[i][j] / m[i].reduce((s, x) => s + x, 0);
    const shares = tableAfter(md, 'Change in share');
    expect(shares.map((row) => row.slice(1))).toEqual(
      labels.map((_, i) => labels.map((_, j) => points(share(ref.head.matrix, i, j) - share(ref.base.matrix, i, j)))),
    );
    expect(md).toContain('normalised to its own total first, then subtracted');

    // The mistake that moved most, by share of its class.
    let top = { i: 0, j: 0, d: 0 };
    labels.forEach((_, i) =>
      labels.forEach((_, j) => {
        const d = Math.abs(share(ref.head.matrix, i, j) - share(ref.base.matrix, i, j));
        if (i !== j && d > top.d) top = { i, j, d };
      }),
    );
    const moved = md.split('Mistakes that moved most:\n\n')[1].split('\n')[0];
    expect(moved).toBe(
      `- actual \`${labels[top.i]}\` predicted as \`${labels[top.j]}\`: ${ref.base.matrix[top.i][top.j]} → ${ref.head.matrix[top.i][top.j]} (${signed(ref.head.matrix[top.i][top.j] - ref.base.matrix[top.i][top.j])}, ${points(share(ref.head.matrix, top.i, top.j) - share(ref.base.matrix, top.i, top.j))} pp of actual ${labels[top.i]})`,
    );

    // Newly wrong / right: joined by id, right at base and wrong at head, and the reverse.
    const newly = (was: boolean, is: boolean) => ref.head.ids.filter((_, k) => ref.base.right[k] === was && ref.head.right[k] === is);
    const wrong = newly(true, false);
    const right = newly(false, true);
    expect(wrong.length).toBeGreaterThan(20);
    expect(md).toContain(
      `- Newly wrong (${wrong.length}): ${wrong
        .slice(0, 20)
        .map((id) => `\`${id}\``)
        .join(', ')}, … (${wrong.length - 20} more)`,
    );
    expect(md).toContain(`- Newly right (${right.length}): `);
    // Ids only: no row content of the predictions file.
    expect(md).not.toMatch(/penguin-\d+,/);

    // Slices: the island and sex slices, Torgersen (19 held-out rows) too few to judge.
    const slices = tableAfter(md, '**Slices**');
    const names = Object.keys(ref.head.slices);
    const thin = names.filter((n) => ref.head.slices[n].count < 30);
    expect(thin).toEqual(['island=Torgersen']);
    const worst = (n: string) =>
      Math.min(0, ...(['recall', 'accuracy'] as const).map((m) => (ref.head.slices[n][m] - ref.base.slices[n][m]) / ref.base.slices[n][m]));
    const order = names.filter((n) => !thin.includes(n)).sort((a, b) => worst(a) - worst(b));
    expect(slices.map((row) => row[0])).toEqual([...order, ...thin].map((n) => n.replace('=', '\\=')));
    expect(slices.at(-1)!.at(-1)).toBe('⚠️ too few rows');
    const dream = slices.find((row) => row[0] === 'island\\=Dream')!;
    const d = ref.head.slices['island=Dream'];
    const dBase = ref.base.slices['island=Dream'];
    expect(dream[1]).toBe(String(d.count));
    expect(dream).toContain(`🔴 ${Number(d.accuracy.toPrecision(4))} (${Number((d.accuracy - dBase.accuracy).toPrecision(4))})`);

    // The fairness floor: failed where the head's slice accuracy is under 0.8, not evaluated for Torgersen.
    const diff = await readJson(r.outputs['diff-json']);
    const gates = Object.fromEntries(diff.gates.map((g: any) => [g.key, g.outcome]));
    const expected = Object.fromEntries(
      names.map((n) => [`slice/${n}/accuracy`, thin.includes(n) ? 'not evaluated' : ref.head.slices[n].accuracy >= 0.8 ? 'passed' : 'failed']),
    );
    expect(gates).toEqual(expected);
    expect(diff.gates.find((g: any) => g.key === 'slice/island=Torgersen/accuracy').passed).toBeNull();
    expect(r.outputs.gates).toBe('failed');

    // The section's data carries the matrices, for machines.
    const [file] = (await readdir(join(workspace, '.mlci-report'))).filter((f) => f.endsWith('.section.json'));
    const section = await readJson(join(workspace, '.mlci-report', file));
    expect(section.data.evaluation).toMatchObject({ labels, base: ref.base.matrix, head: ref.head.matrix });
  });

  it("reads dvclive's confusion records the same way, from the base branch's commit", async () => {
    const { workspace } = await repository(sides.base, sides.head);
    const r = await compare({ workspace, inputs: { confusion: 'dvclive/plots/sklearn/confusion_matrix.json' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await readFile(r.outputs.markdown, 'utf8');
    const labels = ref.head.labels;
    expect(tableAfter(md, 'Change in counts').map((row) => row.slice(1))).toEqual(
      labels.map((_, i) => labels.map((_, j) => signed(ref.head.matrix[i][j] - ref.base.matrix[i][j]))),
    );
    expect(md).not.toContain('Newly wrong');
  });

  it('a baseline stored in the Actions cache on main holds the predictions, and a pull request compares with them', async () => {
    const main = await workspaceFrom(sides.base);
    const saved = await compare({
      workspace: main,
      sha: 'b'.repeat(40),
      env: results.env,
      event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'penguins', after: 'b'.repeat(40), before: '0'.repeat(40) }) },
      inputs: { predictions: 'predictions.csv', 'save-baseline': 'true' },
    });
    expect(saved.code, saved.stdout + saved.stderr).toBe(0);
    expect(saved.stdout).toContain('Baseline stored in the cache');
    const head = await workspaceFrom(sides.head);
    const r = await compare({ workspace: head, env: results.newRun().env, inputs: { baseline: 'cache', predictions: 'predictions.csv' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await readFile(r.outputs.markdown, 'utf8');
    expect(md).toContain('Compared with cache');
    const labels = ref.head.labels;
    expect(tableAfter(md, 'Change in counts').map((row) => row.slice(1))).toEqual(
      labels.map((_, i) => labels.map((_, j) => signed(ref.head.matrix[i][j] - ref.base.matrix[i][j]))),
    );
    expect(md).toContain(`- Newly right (${ref.head.ids.filter((_, k) => !ref.base.right[k] && ref.head.right[k]).length}): `);
  });

  it('refuses a predictions file with a duplicate id, at its line and column', async () => {
    const { workspace } = await repository(sides.base, sides.head);
    const text = await readFile(join(sides.head, 'predictions.csv'), 'utf8');
    const lines = text.trimEnd().split('\n');
    const r = await compare({ workspace, files: { 'predictions.csv': `${text}${lines[3]}\n` }, inputs: { predictions: 'predictions.csv' } });
    expect(r.code).not.toBe(0);
    const error = r.annotations.find((a) => a.level === 'error')!;
    expect(error).toMatchObject({ file: 'predictions.csv', line: lines.length + 1, col: 1 });
    expect(error.message).toContain(`duplicate id "${lines[3].split(',')[0]}"`);
  });
});
