import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { useGitHub, useResultsService } from '../../support/loopback.js';
import { sectionFile } from '../../support/sections.js';
import { workflowRunEvent } from '../../support/events/index.js';
import { ROOT, runAction, type RunResult } from '../../support/runner.js';

/**
 * The posting side of the fork-safe pair holds a write token and reads a bundle the fork's own
 * workflow uploaded: anything in it is the fork's word. Each case uploads a hostile bundle as a
 * fork's workflow could (the toolkit's artifact client, any files it likes), then runs the
 * comment-report bundle on workflow_run against the loopback GitHub.
 */

const REPO = 'octo/ml';
const WRITE = 'ghs_base_write';
const CLIENT = join(ROOT, 'test/support/results/toolkit-client.mjs');
// A real 1×1 PNG; variants differ in a byte after the signature so that each is its own file.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const png = (i: number) => Buffer.concat([PNG, Buffer.from(`#${i}`)]);

const gh = useGitHub({ repo: REPO, token: WRITE, write: true });
const results = useResultsService({ repository: REPO, restOn: gh });
let nextPr = 300;

function section(id: string, status: string, markdown: string, extra: object = {}): string {
  const said = { summary: `${id} summary`, created: '2026-11-22T08:00:00Z', ...extra };
  return sectionFile({ action: 'compare-metrics', id, stage: 'metrics', title: `Section ${id}`, status, markdown, ...said });
}

/** Uploads `files` as the artifact `mlci-report` of a new pull_request run; returns the run id. */
async function forkUploads(files: Record<string, string | Buffer>): Promise<number> {
  const run = results.newRun();
  const ws = await mkdtemp(join(tmpdir(), 'mlci-fork-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(ws, rel)), { recursive: true });
    await writeFile(join(ws, rel), content);
  }
  const steps = [{ op: 'upload', name: 'mlci-report', files: Object.keys(files).map((f) => join(ws, f)), root: ws }];
  const out = join(ws, '..', `${basename(ws)}.json`);
  const child = spawn(process.execPath, [CLIENT, JSON.stringify(steps), out], {
    cwd: ws,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', RUNNER_TEMP: ws, GITHUB_WORKSPACE: ws, ...run.env },
    stdio: 'ignore',
  });
  await new Promise((done, fail) => child.on('close', done).on('error', fail));
  const [upload] = JSON.parse(await readFile(out, 'utf8'));
  expect(upload, JSON.stringify(upload)).toMatchObject({ ok: true });
  await rm(ws, { recursive: true, force: true });
  await rm(out, { force: true });
  return run.runId;
}

async function post(runId: number, pr: number, o: { conclusion?: string; inputs?: Record<string, string>; workspace?: string } = {}): Promise<RunResult> {
  const head = String(pr).padStart(40, 'c');
  gh.addPull(REPO, { number: pr, headSha: head });
  const r = await runAction({
    action: 'comment-report',
    github: gh,
    token: WRITE,
    repository: REPO,
    workspace: o.workspace,
    env: results.newRun().env,
    event: {
      name: 'workflow_run',
      payload: workflowRunEvent({
        owner: 'octo',
        repo: 'ml',
        runId,
        headSha: head,
        headOwner: 'forker',
        pullRequests: [],
        conclusion: o.conclusion ?? 'success',
      }),
    },
    inputs: { 'from-artifact': 'mlci-report', 'report-dir': '.mlci-none', ...o.inputs },
  });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return r;
}

/** The @names GitHub would link in the rendered comment: text nodes outside code. */
function liveMentions(markdown: string): string[] {
  const html = new Marked({ gfm: true }).parse(markdown, { async: false }) as string;
  const text = html
    .replace(/<code[\s\S]*?<\/code>/g, '')
    .split(/<[^>]*>/)
    .map((t) => t.replace(/&#64;|&#x40;/gi, '@'));
  return text.flatMap((t) => [...t.matchAll(/(?:^|[^A-Za-z0-9])@([A-Za-z0-9][A-Za-z0-9-]*)/g)].map((m) => m[1]));
}

describe('never a verdict from the bundle', () => {
  it.each([
    { said: 'pass', conclusion: 'failure', status: 'fail', check: 'failure' },
    { said: 'fail', conclusion: 'success', status: 'pass', check: 'success' },
    { said: 'pass', conclusion: 'cancelled', status: 'fail', check: 'failure' },
  ])('sections that say $said, a run that concluded $conclusion: $status', async ({ said, conclusion, status, check }) => {
    const runId = await forkUploads({
      'a.section.json': section('a', said, '| auc | 0.99 |\n|---|---|'),
      'b.section.json': section('b', said, 'all good'),
    });
    const pr = nextPr++;
    const r = await post(runId, pr, { conclusion, inputs: { 'check-run': 'mlci / report' } });
    expect(r.outputs.status).toBe(status);
    const runs = gh.checkRuns(REPO).filter((c) => c.head_sha === String(pr).padStart(40, 'c'));
    expect(runs.map((c) => c.conclusion)).toEqual([check]);
    // As the reader sees it: escapeText's backslashes removed.
    const body = (gh.comments(REPO, pr)[0].body ?? '').replace(/\\(.)/g, '$1');
    expect(body).toContain(`Verdict from the triggering run's conclusion: ${conclusion}; the sections below are that run's own word.`);
    // The sections are still shown with what they said.
    expect(body).toContain('Section a');
  });
});

describe('images from the bundle', () => {
  it('publishes only pictures inside the bundle, within the caps, before anything is written', async () => {
    // Where the posting job's own files live: a path the bundle can name relative to its folder.
    const workspace = await mkdtemp(join(tmpdir(), 'mlci-ws-'));
    await writeFile(join(workspace, 'secret.png'), Buffer.concat([PNG, Buffer.from('SECRET')]));
    const out = `../../${basename(workspace)}/secret.png`;
    const many = Array.from({ length: 500 }, (_, i) => `![p${i}](many/p${i}.png)`).join('\n');
    const files: Record<string, string | Buffer> = {
      'a.section.json': section(
        'a',
        'pass',
        [
          '![good](img/good.png)',
          `![secret](${out})`,
          '![fake](img/fake.png)',
          '![vector](img/chart.svg)',
          '![page](img/page.png)',
          '![big](img/big.png)',
        ].join('\n\n'),
      ),
      'img/good.png': png(-1),
      'img/fake.png': Buffer.alloc(20 * 1024 * 1024, 'A'),
      'img/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'img/page.png': '<html><body>hi</body></html>',
      'img/big.png': Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]),
      'b.section.json': section('b', 'pass', many),
    };
    for (let i = 0; i < 500; i++) files[`many/p${i}.png`] = png(i);
    const runId = await forkUploads(files);
    const before = gh.requests.length;
    const pr = nextPr++;
    const r = await post(runId, pr, { workspace });
    const writes = gh.requests.slice(before).filter((q) => q.method === 'POST' && q.path.includes('/git/'));
    expect(writes.filter((q) => q.path.endsWith('/git/blobs'))).toHaveLength(20);
    expect(writes.filter((q) => q.path.endsWith('/git/trees'))).toHaveLength(1);
    expect(writes.filter((q) => q.path.endsWith('/git/commits'))).toHaveLength(1);

    const body = gh.comments(REPO, pr)[0].body ?? '';
    expect(body).toMatch(/!\[good\]\(https:\/\/github\.com\/octo\/ml\/blob\/[0-9a-f]{40}\/images\/[0-9a-f]+\.png\?raw=true\)/);
    expect(body).toContain('_image not shown: outside the report bundle_');
    expect(body).toContain('_image not shown: larger than 5 MB_');
    expect(body.match(/_image not shown: not a PNG, JPEG, GIF or WebP image_/g)).toHaveLength(3);
    expect(body).toContain('![p18](https://github.com/');
    expect(body).not.toContain('![p19](https://github.com/');
    expect(body).toContain('_image not shown: more than 20 images_');
    expect(body).not.toContain(basename(workspace));
    const warning = r.annotations.find((a) => a.title === 'Report images dropped');
    expect(warning?.message).toMatch(/^486 image\(s\) of the report bundle were not published/);
    // Nothing on the images branch holds the secret's bytes.
    const head = gh.refs(REPO)['refs/heads/mlci-assets'];
    const raw = await fetch(gh.rawUrl(REPO, head, 'images'));
    expect(raw.status).toBe(404);
    await rm(workspace, { recursive: true, force: true });
  });
});

describe('text from the bundle', () => {
  it('pings nobody and shows raw HTML as text, across sections', async () => {
    const runId = await forkUploads({
      'a.section.json': section('a', 'pass', 'Thanks _@alice_, see /@bob and end.@carol\n\n```\nfence left open'),
      // Alone, b is one code block; after a's open fence, its first line would close that fence
      // and free the rest.
      'b.section.json': section('b', 'pass', '```\n@dave now outside the fence?\n'),
      'c.section.json': section(
        'c',
        'pass',
        '<img src="https://evil.example/x.png" onerror="alert(1)"> <b>@erin</b>\n\n<details><summary>x</summary>\n\n@frank\n</details>',
      ),
      'markdown/out/report.md': '## From the fork\n\ncc @octocat &#64;gina\n\n<script>alert(1)</script>\n',
    });
    const pr = nextPr++;
    await post(runId, pr);
    const body = gh.comments(REPO, pr)[0].body ?? '';
    expect(body).toContain('From the fork');
    expect(liveMentions(body)).toEqual([]);
    expect(body).not.toMatch(/<img src=|<script>|<details>|<b>@/);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;img src="https://evil.example/x.png" onerror="alert(1)"&gt;');
    // Section a's fence is closed where a ends, so b's first fence opens a block of its own.
    const html = new Marked({ gfm: true }).parse(body, { async: false }) as string;
    expect(html).toMatch(/<code>@dave now outside the fence\?\n<\/code>/);
  });
});
