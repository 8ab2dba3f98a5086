// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are GitHub Actions expressions, not JS templates
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../packages/cli/src/commands/index.js';
import { ROOT } from './support/runner.js';

/**
 * Every action has its `mlci` command with the same options as the action's inputs, and the
 * same defaults. What differs is listed here, each with the reason; a new input without a flag
 * (or a flag that is neither an input nor listed) fails this test.
 */

interface Parity {
  action: string;
  command: string;
  /** Inputs with no flag, and why. */
  inputsWithoutFlag: Record<string, string>;
  /** Flags with no input, and why. */
  flagsWithoutInput: Record<string, string>;
  /** Inputs whose flag means the same with another default, and why. */
  otherDefaults?: Record<string, string>;
}

const TOKEN = 'a token is never a flag (shell history, `ps`): $GITHUB_TOKEN or --token-file';

const PARITY: Parity[] = [
  {
    action: 'validate-data',
    command: 'validate',
    inputsWithoutFlag: { 'github-token': 'reference data comes from the local clone (git:REF), so no API call and no token' },
    flagsWithoutInput: {},
  },
  {
    action: 'train',
    command: 'train',
    inputsWithoutFlag: {
      'artifact-name': 'artifacts exist only in GitHub Actions; the outputs stay where the command wrote them',
      'retention-days': 'artifacts exist only in GitHub Actions',
    },
    flagsWithoutInput: { 'cache-dir': 'the run-cache is a local folder instead of the Actions cache' },
  },
  {
    action: 'compare-metrics',
    command: 'compare',
    inputsWithoutFlag: {
      'github-token': 'baselines come from the local clone or a folder, never the Actions cache or artifacts',
      'save-baseline': 'saves the baseline to the Actions cache, which exists only in GitHub Actions',
      history: "the history is a branch of the GitHub repository that pushes to its default branch append to, through GitHub's API",
      trend: 'the trend places the head among the runs of the history, which the CLI does not read (see history)',
    },
    flagsWithoutInput: {},
    otherDefaults: { baseline: '`auto` is settled by the workflow event; without one the baseline is the last commit (git:HEAD)' },
  },
  {
    action: 'comment-report',
    command: 'report',
    inputsWithoutFlag: {
      'github-token': TOKEN,
      summary: 'a job summary exists only in GitHub Actions; the CLI writes report.md and report.html',
      'from-artifact': 'artifacts exist only in GitHub Actions',
      'upload-artifact': 'artifacts exist only in GitHub Actions',
    },
    flagsWithoutInput: {
      out: 'where report.md and report.html go (the action writes the job summary instead)',
      post: 'the action always posts; on a laptop the report is local unless asked',
      'token-file': TOKEN,
      repo: 'the action knows its repository from the event; other CI may not say',
      pr: 'the action knows its pull request from the event (--target pr/N says the same)',
      sha: 'the action knows its commit from the event',
      'api-url': "the action's API is the runner's GITHUB_API_URL; --api-url names a GitHub Enterprise by hand",
    },
    otherDefaults: { 'job-status': '`${{ job.status }}` exists only in a workflow: outside one the job so far has succeeded' },
  },
  {
    action: 'publish-model',
    command: 'publish',
    inputsWithoutFlag: {
      'github-token': TOKEN,
      'registry-username': 'a credential is never a flag: MLCI_REGISTRY_USERNAME',
      'registry-password': 'a credential is never a flag: MLCI_REGISTRY_PASSWORD',
      destinations: 'one --destination per destination, repeated',
    },
    flagsWithoutInput: { destination: 'the destinations input, one flag per destination' },
  },
];

function inputs(action: string): Record<string, { default?: unknown }> {
  return parse(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8')).inputs ?? {};
}

describe('each mlci command has the options of its action', () => {
  for (const p of PARITY) {
    const ready = existsSync(join(ROOT, 'actions', p.action, 'action.yml')) && existsSync(join(ROOT, 'packages/cli/src/commands', `${p.command}.ts`));
    const name = ready
      ? `mlci ${p.command} and actions/${p.action}`
      : `mlci ${p.command} and actions/${p.action} (skipped: actions/${p.action}/action.yml or packages/cli/src/commands/${p.command}.ts does not exist yet)`;
    it.skipIf(!ready)(name, () => {
      const command = COMMANDS.find((c) => c.name === p.command);
      expect(command, `no mlci ${p.command} in packages/cli/src/commands/index.ts`).toBeDefined();
      const ins = inputs(p.action);
      const flags = command!.options;
      const missing = Object.keys(ins).filter((i) => !(i in flags) && !(i in p.inputsWithoutFlag));
      const extra = Object.keys(flags).filter((f) => !(f in ins) && !(f in p.flagsWithoutInput));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      // The exceptions are real: each names an input that exists and has no flag, or the reverse.
      for (const i of Object.keys(p.inputsWithoutFlag)) expect([i, i in ins && !(i in flags)]).toEqual([i, true]);
      for (const f of Object.keys(p.flagsWithoutInput)) expect([f, f in flags && !(f in ins)]).toEqual([f, true]);
      // Same defaults: an input's non-empty default is what help says the flag defaults to.
      for (const [i, spec] of Object.entries(ins)) {
        const d = spec.default === undefined ? '' : String(spec.default);
        if (!(i in flags) || d === '' || p.otherDefaults?.[i]) continue;
        expect([i, flags[i].default]).toEqual([i, d]);
      }
      for (const i of Object.keys(p.otherDefaults ?? {})) expect([i, flags[i].default]).not.toEqual([i, String(ins[i].default)]);
    });
  }

  it('every action is in the table above', () => {
    const actions = readdirActions();
    expect(actions.filter((a) => !PARITY.some((p) => p.action === a))).toEqual([]);
  });
});

function readdirActions(): string[] {
  return readdirSync(join(ROOT, 'actions')).filter((n) => existsSync(join(ROOT, 'actions', n, 'action.yml')));
}
