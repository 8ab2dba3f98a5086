import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { ROOT, runAction } from '../support/runner.js';

/**
 * The chain a workflow runs: validate-data writes its section, comment-report (its own dist
 * bundle, same workspace and report directory) posts it on the pull request of the loopback
 * GitHub. The failed check shows with its file:line example, and a hostile cell shows as text.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_installation_token_for_chain';
const HEAD = 'c'.repeat(40);
const HOSTILE = '<img src=x onerror=alert(1)> @alice |';
const SEATTLE = readFileSync(join(ROOT, 'node_modules/vega-datasets/data/seattle-weather.csv'), 'utf8');
const SCHEMA = readFileSync(join(ROOT, 'test/fixtures/validate-data/seattle-weather.schema.yml'), 'utf8');

const gh = useGitHub({ repo: REPO, token: TOKEN, write: true, pull: { number: 21, headSha: HEAD, headRef: 'feature', baseRef: 'main' } });

describe('validate-data then comment-report', () => {
  it('posts the failed check with its file:line example, the cell escaped, and the step still failed', async () => {
    const lines = SEATTLE.split('\n');
    lines[16] = lines[16].replace(/,[a-z]+$/, `,${HOSTILE}`);
    expect(lines[16]).toContain(HOSTILE);
    const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 21, headSha: HEAD, apiUrl: gh.url }) };
    const common = { github: gh, token: TOKEN, repository: REPO, event };

    const validate = await runAction({
      action: 'validate-data',
      ...common,
      files: { 'data/seattle-weather.csv': lines.join('\n'), 'data/schema.yml': SCHEMA },
      inputs: { data: 'data/seattle-weather.csv', schema: 'data/schema.yml', 'report-dir': '.mlci-report' },
    });
    expect(validate.code).toBe(1);
    expect(validate.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: 'data/seattle-weather.csv', line: 17, title: 'weather: allowed values' }),
    );

    const report = await runAction({ action: 'comment-report', ...common, workspace: validate.workspace, inputs: { 'report-dir': '.mlci-report' } });
    expect(report.code, report.stdout + report.stderr).toBe(0);
    const comments = gh.comments(REPO, 21);
    expect(comments).toHaveLength(1);
    const body = comments[0].body ?? '';
    expect(report.outputs.status).toBe('fail');
    expect(body).toContain('### ❌ Data validation\\: data/seattle\\-weather\\.csv');
    expect(body).toContain('**Verdict: failed** — 1 error');
    expect(body).toMatch(/\| `weather` \| allowed values \| error \| 1 of 1,461 \|/);
    // The value as a code span of entities, at its place: no tag, no mention, no broken table.
    expect(body).toContain('<code>&#60;img src=x onerror=alert(1)&#62; &#64;alice &#124;</code> at data/seattle\\-weather\\.csv\\:17');
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/(^|[^;])@alice/);
    // The check's row stays one table row of six cells.
    const row = body.split('\n').find((l) => l.startsWith('| `weather` |'))!;
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(6);
  });
});
