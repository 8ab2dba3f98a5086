import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoOperationTraceWriter, parseWorkflow, convertWorkflowTemplate } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { ROOT } from './support/runner.js';

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
const workflowDirs = [join(ROOT, '.github/workflows'), join(ROOT, 'examples/workflows')];
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
