import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { mlci } from '../support/cli.js';
import { ROOT, runAction } from '../support/runner.js';
import { git, readJson, workspaceFrom } from './compare-metrics-support.js';

/**
 * A DVC project as DVC users write it (test/fixtures/dvc-get-started: example-get-started's
 * layout, a dvc.yaml with stage metrics and plots outputs, top-level metrics, named plots of
 * scikit-learn's ROC, precision-recall and confusion, dvclive's per-step TSVs): trained for real
 * with Debian's scikit-learn on main, then again on a branch with other params. compare-metrics,
 * given only `dvc.yaml` for metrics, params and plots, compares what DVC would and charts every plot
 * base against head; comment-report posts it. The comment and its images are left in
 * .tmp/dvc-yaml/ for the README's screenshot.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_dvc_yaml_token';
const HEAD_SHA = 'd'.repeat(40);
const FIXTURE = join(ROOT, 'test/fixtures/dvc-get-started');
const LOOK = resolve('.tmp/dvc-yaml');

const gh = useGitHub({ repo: REPO, token: TOKEN, write: true, pull: { number: 31, headSha: HEAD_SHA, headRef: 'feature', baseRef: 'main' } });
const run = promisify(execFile);

async function train(ws: string): Promise<void> {
  for (const script of ['src/train.py', 'src/evaluate.py']) await run('/usr/bin/python3', [script], { cwd: ws });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

it('reads dvc.yaml as DVC does: the metrics, params and plots a DVC user had, base against head', { timeout: 120_000 }, async () => {
  const ws = await workspaceFrom(FIXTURE);
  await writeFile(join(ws, '.gitignore'), 'model.pkl\n');
  await train(ws);
  await git(ws, 'init', '-q');
  await git(ws, 'add', '-A');
  await git(ws, 'commit', '-q', '-m', 'base');
  await git(ws, 'checkout', '-q', '-b', 'feature');
  const params = (await readFile(join(ws, 'params.yaml'), 'utf8')).replace('epochs: 12', 'epochs: 30').replace('alpha: 0.01', 'alpha: 0.0001');
  await writeFile(join(ws, 'params.yaml'), params);
  await train(ws);
  await git(ws, 'commit', '-q', '-am', 'head: more epochs, less regularisation');

  const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 31, headSha: HEAD_SHA, baseRef: 'main' }) };
  const common = { github: gh, token: TOKEN, repository: REPO, workspace: ws, event, env: { MLCI_REPORT_DIR: join(ws, '.mlci-report') } };
  const compared = await runAction({ ...common, action: 'compare-metrics', inputs: { metrics: 'dvc.yaml', params: 'dvc.yaml', plots: 'dvc.yaml' } });
  expect(compared.code, compared.stdout + compared.stderr).toBe(0);
  // Nothing in the dvc.yaml was left out: no warning about it.
  expect(compared.annotations.filter((a) => a.level !== 'notice')).toEqual([]);

  // The metrics DVC lists (top-level eval/metrics.json, the train stage's dvclive/metrics.json), at
  // the values each side's training wrote.
  const diff = await readJson(compared.outputs['diff-json']);
  const at = async (ref: string, file: string) => JSON.parse(await git(ws, 'show', `${ref}:${file}`));
  const [baseEval, headEval, baseLive, headLive] = [
    await at('main', 'eval/metrics.json'),
    await at('feature', 'eval/metrics.json'),
    await at('main', 'dvclive/metrics.json'),
    await at('feature', 'dvclive/metrics.json'),
  ];
  const row = (file: string, key: string) => diff.metrics.find((m: any) => m.file === file && m.key === key);
  for (const key of ['avg_prec.train', 'avg_prec.test', 'roc_auc.train', 'roc_auc.test']) {
    const [group, split] = key.split('.');
    expect(row('eval/metrics.json', key)).toMatchObject({ base: baseEval[group][split], head: headEval[group][split] });
  }
  expect(row('dvclive/metrics.json', 'accuracy')).toMatchObject({ base: baseLive.accuracy, head: headLive.accuracy });
  expect(row('dvclive/metrics.json', 'step')).toMatchObject({ base: 11, head: 29 });
  expect(baseEval.roc_auc.test).not.toBe(headEval.roc_auc.test);
  // params.yaml, which the train stage's params name: the two that changed.
  expect(diff.params.filter((p: any) => p.status === 'changed').map((p: any) => [p.file, p.key, p.base, p.head])).toEqual([
    ['params.yaml', 'train.epochs', 12, 30],
    ['params.yaml', 'train.alpha', 0.01, 0.0001],
  ]);
  const md = await readFile(compared.outputs.markdown, 'utf8');
  const shown = (v: number) => v.toPrecision(4).replace(/0+$/, '');
  expect(md).toContain(`| \`roc_auc.test\` ↑\\* | ${shown(baseEval.roc_auc.test)} | ${shown(headEval.roc_auc.test)} |`);

  // Every plot of the dvc.yaml, drawn.
  const reportDir = join(ws, '.mlci-report');
  const sectionFile = (await readdir(reportDir)).find((f) => f.endsWith('.section.json'))!;
  const section = await readJson(join(reportDir, sectionFile));
  const ids = section.images.map((i: any) =>
    i.path
      .split('/')
      .at(-1)
      .replace(/\.png$/, ''),
  );
  // Top-level plots first, then the stages' plots outputs, as `dvc plots diff` lists them.
  expect(ids).toEqual(['ROC', 'Precision-Recall', 'Confusion-Matrix', 'eval-importance', 'dvclive-plots-metrics-accuracy', 'dvclive-plots-metrics-train-loss']);
  const specs: Record<string, any> = {};
  for (const image of section.images) {
    const png = await readFile(join(reportDir, image.path));
    const svg = await readFile(join(reportDir, image.path.replace(/\.png$/, '.svg')), 'utf8');
    const svgWidth = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
    const svgHeight = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)![1]);
    // Drawn at twice the SVG's size, at most 1600 pixels wide (plots/render.ts).
    const zoom = Math.min(2, 1600 / svgWidth);
    expect(pngSize(png)).toEqual({ width: Math.round(svgWidth * zoom), height: Math.round(svgHeight * zoom) });
    expect(svgWidth).toBeGreaterThan(300);
    const spec = await readJson(join(reportDir, image.path.replace(/\.png$/, '.vl.json')));
    specs[
      image.path
        .split('/')
        .at(-1)
        .replace(/\.png$/, '')
    ] = spec;
    const revs = new Set((spec.data.values as any[]).map((v) => v.rev));
    expect([...revs].sort(), image.path).toEqual(['base (git:main)', 'head']);
  }

  // dvclive's step curves: x is the step field, y the TSV's last column.
  const loss = specs['dvclive-plots-metrics-train-loss'];
  expect(loss.encoding.x.title).toBe('step');
  expect(loss.encoding.y.title).toBe('loss');
  expect(Math.max(...loss.data.values.filter((v: any) => v.rev === 'head').map((v: any) => v.x))).toBe(29);
  expect(Math.max(...loss.data.values.filter((v: any) => v.rev !== 'head').map((v: any) => v.x))).toBe(11);

  // The named ROC plot: x fpr and y tpr of two files, one series per file, DVC's labels.
  const roc = specs.ROC;
  expect(roc.encoding.x.title).toBe('False Positive Rate');
  expect(roc.encoding.y.title).toBe('True Positive Rate');
  expect(roc.encoding.color.scale.domain).toEqual(['train.json', 'test.json']);
  // Python's json writes Infinity for the first ROC threshold, which JSON.parse refuses.
  const headTest = JSON.parse((await readFile(join(ws, 'eval/plots/sklearn/roc/test.json'), 'utf8')).replace(/-?Infinity|NaN/g, 'null'));
  const drawn = roc.data.values.filter((v: any) => v.rev === 'head' && v.series === 'test.json');
  expect(drawn.map((v: any) => [v.x, v.y])).toEqual(headTest.roc.map((r: any) => [r.fpr, r.tpr]));
  expect(specs['Precision-Recall'].encoding.x.title).toBe('recall');

  // Confusion: x is the actual class, y the predicted one; base and head side by side.
  const cm = specs['Confusion-Matrix'];
  expect(cm.facet.column.field).toBe('rev');
  expect(cm.spec.layer[0].encoding.y).toMatchObject({ field: 'actual', title: 'actual' });
  expect(cm.spec.layer[0].encoding.x).toMatchObject({ field: 'predicted', title: 'predicted' });
  const cmRows = JSON.parse(await readFile(join(ws, 'eval/plots/sklearn/cm/test.json'), 'utf8'));
  const benignRight = cmRows.filter((r: any) => r.actual === 'benign' && r.predicted === 'benign').length;
  expect(cm.data.values.find((c: any) => c.rev === 'head' && c.actual === 'benign' && c.predicted === 'benign').count).toBe(benignRight);

  // bar_horizontal_sorted: y the category (features), x the value, largest first.
  const importance = specs['eval-importance'];
  const weights = JSON.parse(await readFile(join(ws, 'eval/importance.json'), 'utf8'));
  expect(importance.encoding.y).toMatchObject({ type: 'nominal', title: 'feature' });
  expect(importance.encoding.x).toMatchObject({ type: 'quantitative', title: 'importance' });
  expect(importance.encoding.y.sort.slice(0, 3)).toEqual(
    [...weights]
      .sort((a: any, b: any) => b.importance - a.importance)
      .slice(0, 3)
      .map((w: any) => w.feature),
  );

  const posted = await runAction({ ...common, action: 'comment-report' });
  expect(posted.code, posted.stdout + posted.stderr).toBe(0);
  const body = gh.comments(REPO, 31)[0].body ?? '';
  expect(body).toContain('`roc_auc.test`');
  expect(body.match(/!\[[^\]]*\]\(https:\/\/github\.com\/octo\/ml\/blob\/[0-9a-f]{40}\/[^)]+\.png\?raw=true\)/g)).toHaveLength(6);

  // `mlci compare` on a laptop reads the same dvc.yaml the same way.
  const cli = await mlci(
    ['compare', '--metrics', 'dvc.yaml', '--params', 'dvc.yaml', '--plots', 'dvc.yaml', '--baseline', 'git:main', '--report-dir', 'cli-out'],
    {
      cwd: ws,
    },
  );
  expect(cli.code, cli.stderr).toBe(0);
  expect(cli.stdout).toMatch(/^roc_auc\.test ↑\* +\S+ +\S+ /m);
  expect(cli.stdout).toMatch(/^train\.alpha +0\.01 +0\.0001 +changed$/m);
  const cliDir = (await readdir(join(ws, 'cli-out'))).find((f) => f.startsWith('compare-metrics-') && !f.endsWith('.json'))!;
  expect((await readdir(join(ws, 'cli-out', cliDir))).filter((f) => f.endsWith('.png')).sort()).toEqual(ids.map((i: string) => `${i}.png`).sort());

  // For a person (and the README's screenshot): the section's markdown with its images beside it.
  await mkdir(LOOK, { recursive: true });
  await cp(reportDir, LOOK, { recursive: true });
  await writeFile(join(LOOK, 'comment.md'), section.markdown);
});

it('a dvc.yaml that is not YAML fails the step with one error at its line and column, through the bundle', async () => {
  const ws = await workspaceFrom(FIXTURE);
  await train(ws);
  const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 32, headSha: HEAD_SHA, baseRef: 'main' }) };
  const broken = (await readFile(join(ws, 'dvc.yaml'), 'utf8')).replace('      template: simple\n      x: fpr', '      template: simple\n      x: [fpr');
  const r = await runAction({
    github: gh,
    token: TOKEN,
    repository: REPO,
    workspace: ws,
    event,
    action: 'compare-metrics',
    files: { 'dvc.yaml': broken },
    inputs: { metrics: 'dvc.yaml', plots: 'dvc.yaml', baseline: 'none', 'report-dir': '.mlci-report' },
  });
  expect(r.code).not.toBe(0);
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  const line = broken.split('\n').findIndex((l) => l.includes('x: [fpr')) + 1;
  expect(errors[0]).toMatchObject({ file: 'dvc.yaml' });
  expect(errors[0].message).toMatch(/^invalid dvc\.yaml: /);
  // The parser stops on the line after the unclosed `[`, where the block goes on.
  expect([errors[0].line, errors[0].col]).toEqual([line + 1, 7]);
});
