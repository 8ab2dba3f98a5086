// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are GitHub Actions expressions, not JS templates
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoOperationTraceWriter, parseWorkflow, convertWorkflowTemplate } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './support/runner.js';
import { actionSpec, checkWorkflow, possibleValues } from './support/workflow-check.js';

/** Checked with GitHub's own parser, the one behind the Actions editor and runner service. */
function actionErrors(name: string, content: string): string[] {
  const r = parseAction({ name, content }, new NoOperationTraceWriter());
  return r.context.errors.getErrors().map((e) => e.message);
}

async function workflowErrors(name: string, content: string): Promise<string[]> {
  const r = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = r.context.errors.getErrors().map((e) => e.message);
  if (errors.length || !r.value) return errors;
  const t = await convertWorkflowTemplate(r.context, r.value);
  return (t.errors ?? []).map((e: { Message?: string; message?: string }) => e.Message ?? e.message ?? String(e));
}

const actions = readdirSync(join(ROOT, 'actions')).filter((n) => existsSync(join(ROOT, 'actions', n, 'action.yml')));
const workflowDirs = [join(ROOT, '.github/workflows'), join(ROOT, 'examples/workflows'), join(ROOT, 'workflow-templates')];
const workflows = workflowDirs.flatMap((d) =>
  existsSync(d)
    ? readdirSync(d)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(d, f))
    : [],
);

describe('action.yml files', () => {
  it('finds the actions', () => expect(actions).toContain('comment-report'));

  it.each(actions)('%s/action.yml parses and runs on node24 from its dist bundle', (name) => {
    const content = readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8');
    expect(actionErrors(`actions/${name}/action.yml`, content)).toEqual([]);
    expect(content).toMatch(/^\s+using: node24$/m);
    expect(content).toContain(`main: ../../dist/${name}/index.js`);
    expect(existsSync(join(ROOT, 'dist', name, 'index.js'))).toBe(true);
  });

  it('the parser does catch a broken action.yml', () => {
    expect(actionErrors('bad.yml', 'name: x\ndescription: y\nruns:\n  using: node24\n  mian: x.js\n').length).toBeGreaterThan(0);
  });
});

describe('workflows', () => {
  it('finds the workflows', () => expect(workflows.length).toBeGreaterThan(0));

  it.each(workflows)('%s parses', async (file) => {
    expect(await workflowErrors(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the parser does catch a broken workflow', async () => {
    const errors = await workflowErrors('bad.yml', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n');
    expect(errors.length).toBeGreaterThan(0);
  });
});

/** Actions the workflows use that are being built now (issues #10, #11): their steps are checked once they exist. */
const PENDING = ['train', 'publish-model'];

describe('workflows against the actions they use', () => {
  const checks = workflows.flatMap((file) => checkWorkflow(file.slice(ROOT.length + 1), readFileSync(file, 'utf8')));
  const ready = checks.filter((c) => c.missing.length === 0);
  const waiting = checks.filter((c) => c.missing.length > 0);

  it('finds the reusable workflows and their jobs', () => {
    const names = checks.map((c) => `${c.workflow}#${c.job}`);
    for (const job of [
      '.github/workflows/ml.yml#ml',
      '.github/workflows/ml.yml#comment',
      '.github/workflows/ml-comment.yml#comment',
      '.github/workflows/promote.yml#promote',
    ])
      expect(names).toContain(job);
  });

  it.each(ready.map((c) => [`${c.workflow} job ${c.job}`, c] as const))(
    '%s: every mlci step names an existing action and its inputs, and the job grants the least its steps document',
    (_, c) => {
      expect(c.problems).toEqual([]);
    },
  );

  // A job that uses an action still being built is checked as soon as that action's action.yml
  // exists; until then it is listed here, by the action it waits for, not skipped silently.
  for (const c of waiting) it.todo(`${c.workflow} job ${c.job}: waits for actions/${[...new Set(c.missing)].join(', actions/')}/action.yml`);

  it('only the actions being built are missing', () => {
    expect(waiting.flatMap((c) => c.missing).filter((m) => !PENDING.includes(m))).toEqual([]);
  });

  it('a typo in a with: key, a missing required input, an unknown action and a missing grant each fail', () => {
    const wf = `on: pull_request
permissions: { contents: read }
jobs:
  ml:
    runs-on: ubuntu-latest
    steps:
      - uses: OWNER/mlci/actions/compare-metrics@v1
        with: { metrics: m.json, gate: g.yml }
      - uses: OWNER/mlci/actions/validate-data@v1
        with: { schema: s.yml }
      - uses: OWNER/mlci/actions/comment-reprot@v1
      - uses: OWNER/mlci/actions/comment-report@v1
        with: { check-run: mlci }
`;
    const [job] = checkWorkflow('typo.yml', wf);
    expect(job.problems).toEqual([
      'typo.yml job ml step 1 (OWNER/mlci/actions/compare-metrics@v1): compare-metrics has no input "gate"',
      'typo.yml job ml step 2 (OWNER/mlci/actions/validate-data@v1): validate-data needs input "data"',
      'typo.yml job ml: its steps need pull-requests: write, it grants none',
      'typo.yml job ml: its steps need checks: write, it grants none',
    ]);
    expect(job.missing).toEqual(['comment-reprot']);
  });

  it('a grant above what the steps document fails unless its line says why', () => {
    const wf = (comment: string) => `on: pull_request
jobs:
  ml:
    runs-on: ubuntu-latest
    permissions:
      contents: write${comment}
    steps:
      - uses: actions/checkout@v5
      - uses: OWNER/mlci/actions/validate-data@v1
        with: { data: d.csv }
`;
    expect(checkWorkflow('x.yml', wf(''))[0].problems).toEqual([
      'x.yml job ml: grants contents: write, more than its steps document (read); say why in a comment on that line, or drop it',
    ]);
    expect(checkWorkflow('x.yml', wf(' # a run step pushes the tags'))[0].problems).toEqual([]);
  });

  it('a caller of a reusable workflow grants what the called jobs ask for, and only its inputs', () => {
    const wf = `on: pull_request
jobs:
  ml:
    uses: OWNER/mlci/.github/workflows/ml-comment.yml@v1
    permissions: { pull-requests: write }
    with: { report-artifcat: x }
`;
    expect(checkWorkflow('caller.yml', wf)[0].problems).toEqual([
      'caller.yml job ml: .github/workflows/ml-comment.yml has no input "report-artifcat"',
      'caller.yml job ml: its steps need actions: read, it grants none',
      'caller.yml job ml: its steps need contents: read, it grants none',
    ]);
  });

  it('reads what an expression may give, to know which permissions an input may need', () => {
    expect(possibleValues('none')).toEqual([{ exact: 'none' }]);
    expect(possibleValues('${{ inputs.target }}')).toEqual(['any']);
    expect(possibleValues("${{ inputs.issue != '' && format('issue/{0}', inputs.issue) || 'none' }}")).toEqual([{ prefix: 'issue/' }, { exact: 'none' }]);
    expect(possibleValues("${{ github.event_name == 'pull_request' && 'auto' || 'none' }}")).toEqual([{ exact: 'auto' }, { exact: 'none' }]);
  });

  it.each(actions)('actions/%s/action.yml documents what its token needs (# mlci:permissions)', (name) => {
    expect(actionSpec(name)?.documented).toBe(true);
  });
});

describe('the jobs that hold a write token run nothing of the repository', () => {
  // The posting side of the fork-safe pair and ml.yml's comment job: no run step, and the only
  // checkout is mlci's own (never the pull request's code).
  const posting = [
    ['.github/workflows/ml-comment.yml', 'comment'],
    ['.github/workflows/ml.yml', 'comment'],
  ] as const;
  it.each(posting)('%s job %s', (file, job) => {
    const steps = (parseYaml(readFileSync(join(ROOT, file), 'utf8')).jobs[job].steps ?? []) as Array<Record<string, any>>;
    expect(steps.filter((s) => s.run !== undefined)).toEqual([]);
    const checkouts = steps.filter((s) => String(s.uses).startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const c of checkouts) expect(c.with?.repository).toBe('${{ inputs.mlci-repository }}');
  });

  // ml.yml's history job: the write token the append needs, away from the job that runs the repository's code.
  it('.github/workflows/ml.yml job history: contents: write alone, no run step, no credentials left behind, only compare-metrics appending', () => {
    const jobs = parseYaml(readFileSync(join(ROOT, '.github/workflows/ml.yml'), 'utf8')).jobs;
    expect(jobs.history.permissions).toEqual({ contents: 'write' });
    expect(Object.values(jobs.ml.permissions)).not.toContain('write');
    const steps = jobs.history.steps as Array<Record<string, any>>;
    expect(steps.filter((s) => s.run !== undefined)).toEqual([]);
    for (const c of steps.filter((s) => String(s.uses).startsWith('actions/checkout@'))) expect(c.with?.['persist-credentials']).toBe(false);
    const mlci = steps.filter((s) => String(s.uses).startsWith('./.mlci/'));
    expect(mlci.map((s) => [s.uses, s.with?.baseline, s.with?.metrics])).toEqual([['./.mlci/actions/compare-metrics', 'none', '${{ inputs.metrics }}']]);
  });
});

describe("the README's workflows", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /^jobs:/m.test(b) && !b.includes('# ...'));

  it('finds them', () => expect(blocks.length).toBeGreaterThan(2));

  it.each(blocks.map((b, i) => [i + 1, b] as const))("workflow %i parses and passes the checks the repository's workflows pass", async (_, b) => {
    expect(await workflowErrors('README.md', b)).toEqual([]);
    expect(checkWorkflow('README.md', b).flatMap((c) => c.problems)).toEqual([]);
  });
});

describe('workflow templates', () => {
  const templates = readdirSync(join(ROOT, 'workflow-templates')).filter((f) => f.endsWith('.yml'));

  it.each(templates)("%s has its properties file in GitHub's format and calls a reusable workflow of this repository at v1", (file) => {
    const props = JSON.parse(readFileSync(join(ROOT, 'workflow-templates', file.replace(/\.yml$/, '.properties.json')), 'utf8'));
    expect(typeof props.name).toBe('string');
    expect(typeof props.description).toBe('string');
    expect(Array.isArray(props.categories)).toBe(true);
    for (const key of Object.keys(props)) expect(['name', 'description', 'iconName', 'categories', 'filePatterns', 'labels', 'creator']).toContain(key);
    expect(readFileSync(join(ROOT, 'workflow-templates', file), 'utf8')).toMatch(/uses: OWNER\/mlci\/\.github\/workflows\/[a-z-]+\.yml@v1/);
  });
});
