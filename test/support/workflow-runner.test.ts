// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are GitHub Actions expressions, not JS templates
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGitHub } from './loopback.js';
import { condition, interpolate, runWorkflow, step } from './workflow-runner.js';

const ctx = {
  inputs: { 'runs-on': '["self-hosted", "gpu"]', train: '', metrics: 'm.json', baseline: '' },
  github: { event_name: 'push', ref_name: 'main', event: { repository: { default_branch: 'main' } } },
  steps: { report: { outputs: { status: 'warn' } } },
  needs: { ml: { result: 'failure' } },
  env: { A: 'x' },
};

describe('the test runner evaluates expressions as the runner does', () => {
  it('keeps the type of one whole expression and makes text of mixed ones', () => {
    expect(interpolate('${{ fromJSON(inputs.runs-on) }}', ctx)).toEqual(['self-hosted', 'gpu']);
    expect(interpolate('status: ${{ steps.report.outputs.status }}!', ctx)).toBe('status: warn!');
    expect(interpolate("${{ inputs.baseline || (inputs.train != '' && 'cache' || 'auto') }}", ctx)).toBe('auto');
    expect(interpolate("${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}", ctx)).toBe(true);
    expect(interpolate("${{ format('issue/{0}', 12) }}", ctx)).toBe('issue/12');
    expect(interpolate("${{ contains(inputs.metrics, 'json') && startsWith(env.A, 'x') }}", ctx)).toBe(true);
    expect(interpolate('no expression', ctx)).toBe('no expression');
  });

  it('adds success() to a condition without a status function', () => {
    expect(condition("inputs.metrics != ''", ctx, { failed: false })).toBe(true);
    expect(condition("inputs.metrics != ''", ctx, { failed: true })).toBe(false);
    expect(condition('${{ always() }}', ctx, { failed: true })).toBe(true);
    expect(condition('failure()', ctx, { failed: true })).toBe(true);
    expect(condition("!(inputs.train != '')", ctx, { failed: false })).toBe(true);
    expect(condition("needs.ml.result == 'success'", ctx, { failed: false })).toBe(false);
    expect(condition(undefined, ctx, { failed: true })).toBe(false);
  });
});

describe('the test runner runs jobs as the runner does', () => {
  const gh = useGitHub({ repo: 'octo/ml' });

  it('passes outputs, env and PATH between steps, honours if:, continue-on-error and needs, and mints the job token from permissions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-wf-unit-'));
    const repo = await mkdtemp(join(tmpdir(), 'mlci-wf-repo-'));
    await writeFile(join(repo, 'hello.txt'), 'hello\n');
    const workflow = join(dir, 'w.yml');
    await writeFile(
      workflow,
      `on:
  workflow_call:
    inputs:
      who: { type: string, default: world }
      loud: { type: boolean, default: false }
jobs:
  first:
    runs-on: \${{ fromJSON('["self-hosted", "gpu"]') }}
    permissions: { contents: read, pull-requests: write }
    outputs:
      greeting: \${{ steps.greet.outputs.greeting }}
    steps:
      - uses: actions/checkout@v5
      - id: greet
        run: |
          echo "greeting=$(cat hello.txt), \${{ inputs.who }}" >> "$GITHUB_OUTPUT"
          echo "FROM_ENV=set by a step" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool ran\\n' > "$RUNNER_TEMP/bin/mytool" && chmod +x "$RUNNER_TEMP/bin/mytool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
      - id: later
        env:
          GREETING: \${{ steps.greet.outputs.greeting }}
        run: echo "$GREETING / $FROM_ENV / $(mytool)" > out.txt && cat out.txt
      - id: soft
        continue-on-error: true
        run: exit 3
      - id: skipped-on-success
        if: failure()
        run: echo never
      - id: hard
        if: inputs.loud
        run: exit 4
      - id: after-failure
        run: echo never
      - id: always
        if: always()
        run: echo "job status \${{ job.status }}, soft \${{ steps.soft.outcome }}/\${{ steps.soft.conclusion }}"
  second:
    needs: first
    if: always()
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "\${{ needs.first.result }}:\${{ needs.first.outputs.greeting }}"
`,
    );
    const run = { workflow, repo, github: gh, repository: 'octo/ml', event: { name: 'push', payload: {} } };

    const quiet = await runWorkflow(run);
    expect(quiet.first.result).toBe('success');
    expect(quiet.first.runsOn).toEqual(['self-hosted', 'gpu']);
    expect(step(quiet.first, 'later').stdout).toBe('hello, world / set by a step / tool ran\n');
    expect(quiet.first.steps.map((s) => [s.id, s.outcome])).toEqual([
      [undefined, 'success'],
      ['greet', 'success'],
      ['later', 'success'],
      ['soft', 'failure'],
      ['skipped-on-success', 'skipped'],
      ['hard', 'skipped'],
      ['after-failure', 'success'],
      ['always', 'success'],
    ]);
    expect(step(quiet.first, 'always').stdout).toBe('job status success, soft failure/success\n');
    expect(quiet.second.steps[0].stdout).toBe('success:hello, world\n');

    const loud = await runWorkflow({ ...run, inputs: { who: 'octocat', loud: true } });
    expect(loud.first.result).toBe('failure');
    expect(step(loud.first, 'hard').outcome).toBe('failure');
    expect(step(loud.first, 'after-failure').outcome).toBe('skipped');
    expect(step(loud.first, 'always').stdout).toBe('job status failure, soft failure/success\n');
    expect(loud.second.result).toBe('success');
    expect(loud.second.steps[0].stdout).toBe('failure:hello, octocat\n');

    // The token is the job's: it may write pull requests, not contents.
    const api = (path: string, method = 'GET', body?: object) =>
      fetch(`${gh.url}${path}`, {
        method,
        headers: { authorization: `token ${quiet.first.token}`, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      });
    expect((await api('/repos/octo/ml/git/refs', 'POST', { ref: 'refs/heads/x', sha: 'a'.repeat(40) })).status).toBe(403);

    await expect(runWorkflow({ ...run, inputs: { whom: 'typo' } })).rejects.toThrow('the workflow has no input "whom"');
  });
});
