import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, Parser } from '@actions/expressions';
import { Binary, ContextAccess, type Expr, FunctionCall, Grouping, IndexAccess, Literal, Logical, Unary } from '@actions/expressions/ast';
import { isMap, isScalar, parse as parseYaml, parseDocument } from 'yaml';
import { ROOT } from './runner.js';

/**
 * Static checks of workflows against the actions they use: every `uses:` of an mlci action names
 * an action that exists, every `with:` key is one of its inputs (and every required one is given),
 * and every job's `permissions:` is the least its steps document. An action documents what its
 * token needs in its action.yml, in `# mlci:permissions` comment lines (GitHub's action.yml has no
 * key for it, and the parser refuses unknown keys):
 *
 *   #   <scope>: <read|write>  always | when <input> is <value> | is not <value> | starts with <prefix> | contains <text> | is set
 *   #   <scope>: <read|write>  optional: <why>     (may be granted, never required)
 *
 * under a `# mlci:permissions` line; an action whose token needs nothing says `# mlci:permissions none`.
 */

export type Level = 'read' | 'write';
export type Permissions = Record<string, Level>;

export interface PermissionRule {
  scope: string;
  level: Level;
  optional: boolean;
  /** Absent: always. */
  when?: { input: string; op: 'is' | 'is not' | 'starts with' | 'contains' | 'is set'; value: string };
}

export interface ActionSpec {
  name: string;
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  permissions: PermissionRule[];
  /** Whether its action.yml has the `# mlci:permissions` block (an action that needs none says `# mlci:permissions none`). */
  documented: boolean;
}

/** `OWNER/mlci/actions/x@v1` (users), `./.mlci/actions/x` (this repo's reusable workflows), `./actions/x` (this repo's CI). */
const MLCI_ACTION = /^(?:OWNER\/mlci\/actions\/|\.\/\.mlci\/actions\/|\.\/actions\/)([^/@]+)(?:@.+)?$/;
const MLCI_WORKFLOW = /^(?:OWNER\/mlci\/|\.\/)(\.github\/workflows\/[^/@]+\.ya?ml)(?:@.+)?$/;

export function mlciActionName(uses: string): string | undefined {
  return MLCI_ACTION.exec(uses)?.[1];
}

export function parsePermissionRules(actionYml: string): PermissionRule[] {
  const rules: PermissionRule[] = [];
  for (const line of actionYml.split('\n')) {
    const m = /^#\s+([a-z-]+): (read|write)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, scope, level, rest] = m;
    if (rest.startsWith('optional:')) {
      rules.push({ scope, level: level as Level, optional: true });
      continue;
    }
    if (rest === 'always') {
      rules.push({ scope, level: level as Level, optional: false });
      continue;
    }
    const w = /^when ([a-z0-9-]+) (is not|is set|is|starts with|contains)(?: (.+))?$/.exec(rest);
    if (!w) throw new Error(`mlci:permissions line not understood: ${line}`);
    rules.push({ scope, level: level as Level, optional: false, when: { input: w[1], op: w[2] as any, value: w[3] ?? '' } });
  }
  return rules;
}

export function actionSpec(name: string, root = ROOT): ActionSpec | undefined {
  const file = join(root, 'actions', name, 'action.yml');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const yml = parseYaml(text);
  return { name, inputs: yml.inputs ?? {}, permissions: parsePermissionRules(text), documented: /^# mlci:permissions\b/m.test(text) };
}

/**
 * The values a `with:` value may take, for deciding whether a permission's condition may hold.
 * A literal is itself; an expression is read with GitHub's expression parser and its possible
 * results followed through `&&`, `||` and `format('prefix{0}', ...)`: a context is anything.
 */
export type Possible = { exact: string } | { prefix: string } | 'any';

export function possibleValues(value: string): Possible[] {
  const whole = /^\$\{\{(.*)\}\}$/s.exec(value.trim());
  if (!whole) return value.includes('${{') ? ['any'] : [{ exact: value }];
  const lexed = new Lexer(whole[1]).lex();
  const expr = new Parser(lexed.tokens, ['github', 'inputs', 'env', 'secrets', 'steps', 'needs', 'job', 'runner', 'vars', 'matrix', 'strategy'], []).parse();
  return possible(expr);
}

const truthy = (p: Possible) => p === 'any' || 'prefix' in p || !['', 'false', '0'].includes(p.exact);
const falsy = (p: Possible) => p === 'any' || ('exact' in p && ['', 'false', '0'].includes(p.exact));

function possible(e: Expr): Possible[] {
  if (e instanceof Literal) return [{ exact: e.literal.coerceString() }];
  if (e instanceof Grouping) return possible(e.group);
  if (e instanceof ContextAccess || e instanceof IndexAccess) return ['any'];
  if (e instanceof Binary || e instanceof Unary) return [{ exact: 'true' }, { exact: 'false' }];
  if (e instanceof Logical) {
    // `a && b && c` is the first falsy operand or the last; `a || b || c` the first truthy or the last.
    const keep = e.operator.lexeme === '&&' ? falsy : truthy;
    const last = e.args[e.args.length - 1];
    return [...e.args.slice(0, -1).flatMap((a) => possible(a).filter(keep)), ...possible(last)];
  }
  if (e instanceof FunctionCall) {
    const name = e.functionName.lexeme.toLowerCase();
    if (['contains', 'startswith', 'endswith', 'success', 'failure', 'always', 'cancelled'].includes(name)) return [{ exact: 'true' }, { exact: 'false' }];
    const first = e.args[0];
    if (name === 'format' && first instanceof Literal) return [{ prefix: first.literal.coerceString().split('{')[0] }];
    return ['any'];
  }
  return ['any'];
}

function mayHold(rule: PermissionRule, withValues: Record<string, string>, spec: ActionSpec): boolean {
  if (!rule.when) return true;
  const { input, op, value } = rule.when;
  const given = withValues[input] ?? String(spec.inputs[input]?.default ?? '');
  return possibleValues(given).some((p) => {
    if (p === 'any') return true;
    if ('prefix' in p) {
      if (op === 'is') return value.startsWith(p.prefix);
      if (op === 'starts with') return value.startsWith(p.prefix) || p.prefix.startsWith(value);
      return true;
    }
    if (op === 'is set') return p.exact !== '';
    if (op === 'is') return p.exact === value;
    if (op === 'is not') return p.exact !== value;
    if (op === 'contains') return p.exact.includes(value);
    return p.exact.startsWith(value);
  });
}

/**
 * Third-party actions our workflows use, with what their token needs there: checkout reads the
 * repository; setup-python and the artifact actions of this run use no GitHub token.
 */
export const THIRD_PARTY: Record<string, PermissionRule[]> = {
  'actions/checkout': [{ scope: 'contents', level: 'read', optional: false }],
  'actions/setup-python': [],
  'actions/setup-node': [],
  'actions/upload-artifact': [],
  'actions/download-artifact': [{ scope: 'actions', level: 'read', optional: false, when: { input: 'run-id', op: 'is set', value: '' } }],
};

export interface JobCheck {
  workflow: string;
  job: string;
  /** mlci actions the job uses that do not exist yet. */
  missing: string[];
  problems: string[];
  required: Permissions;
  granted: Permissions | undefined;
}

const rank = (l: Level | undefined) => (l === 'write' ? 2 : l === 'read' ? 1 : 0);
function add(p: Permissions, scope: string, level: Level) {
  if (rank(level) > rank(p[scope])) p[scope] = level;
}

/** Reads a workflow and checks each job's `uses:`, `with:` and `permissions:`. */
export function checkWorkflow(file: string, text: string, root = ROOT): JobCheck[] {
  const doc = parseDocument(text);
  const wf = doc.toJS() ?? {};
  const out: JobCheck[] = [];
  for (const [jobId, job] of Object.entries<any>(wf.jobs ?? {})) {
    const check: JobCheck = { workflow: file, job: jobId, missing: [], problems: [], required: {}, granted: undefined };
    out.push(check);
    const at = (what: string) => `${file} job ${jobId}${what ? ` ${what}` : ''}`;
    const optional: Permissions = {};
    const declared = job.permissions ?? wf.permissions;
    if (typeof declared === 'string') check.problems.push(`${at('')}: permissions "${declared}" is not a least set`);
    else if (declared) check.granted = declared;
    else check.problems.push(`${at('')}: no permissions block (the repository's default token permissions would apply)`);

    if (typeof job.uses === 'string') {
      const callee = MLCI_WORKFLOW.exec(job.uses)?.[1];
      if (!callee) continue;
      const calleeFile = join(root, callee);
      if (!existsSync(calleeFile)) {
        check.problems.push(`${at('')}: ${job.uses} names no workflow of this repository`);
        continue;
      }
      const calleeWf = parseYaml(readFileSync(calleeFile, 'utf8'));
      const call = calleeWf.on?.workflow_call ?? {};
      for (const key of Object.keys(job.with ?? {})) if (!(key in (call.inputs ?? {}))) check.problems.push(`${at('')}: ${callee} has no input "${key}"`);
      for (const [key, spec] of Object.entries<any>(call.inputs ?? {}))
        if (spec?.required && !(key in (job.with ?? {}))) check.problems.push(`${at('')}: ${callee} needs input "${key}"`);
      for (const key of Object.keys(typeof job.secrets === 'object' ? (job.secrets ?? {}) : {}))
        if (!(key in (call.secrets ?? {}))) check.problems.push(`${at('')}: ${callee} has no secret "${key}"`);
      // The caller's block is the ceiling of every job it calls.
      for (const inner of Object.values<any>(calleeWf.jobs ?? {}))
        for (const [scope, level] of Object.entries<Level>(inner.permissions ?? {})) add(check.required, scope, level);
      comparePermissions(check, {}, () => false);
      continue;
    }

    (job.steps ?? []).forEach((step: any, i: number) => {
      if (typeof step.uses !== 'string') return;
      const where = at(`step ${step.id ?? step.name ?? i + 1} (${step.uses})`);
      const withValues: Record<string, string> = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
      const name = mlciActionName(step.uses);
      let rules: PermissionRule[];
      let spec: ActionSpec | undefined;
      if (name) {
        spec = actionSpec(name, root);
        if (!spec) {
          check.missing.push(name);
          return;
        }
        for (const key of Object.keys(withValues)) if (!(key in spec.inputs)) check.problems.push(`${where}: ${name} has no input "${key}"`);
        for (const [key, s] of Object.entries(spec.inputs))
          if (s?.required && !(key in withValues)) check.problems.push(`${where}: ${name} needs input "${key}"`);
        rules = spec.permissions;
      } else {
        const base = step.uses.split('@')[0];
        if (!(base in THIRD_PARTY)) {
          check.problems.push(`${where}: an action whose permissions this check does not know`);
          return;
        }
        rules = THIRD_PARTY[base];
        spec = { name: base, inputs: {}, permissions: rules, documented: true };
      }
      for (const rule of rules) {
        if (!mayHold(rule, withValues, spec)) continue;
        add(rule.optional ? optional : check.required, rule.scope, rule.level);
      }
    });
    // A job with no mlci step (this repository's release job) is its own business: only its block's presence is checked.
    const usesMlci = (job.steps ?? []).some((step: any) => typeof step.uses === 'string' && mlciActionName(step.uses));
    if (usesMlci) comparePermissions(check, optional, (scope) => explained(doc, jobId, scope));
  }
  return out;
}

/** A grant above what the steps document must say why on its line (`contents: write # the tags`): a run step's own need. */
function explained(doc: ReturnType<typeof parseDocument>, jobId: string, scope: string): boolean {
  for (const path of [['jobs', jobId, 'permissions'], ['permissions']]) {
    const node = doc.getIn(path, true);
    if (!isMap(node)) continue;
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === scope);
    if (pair) return isScalar(pair.value) && Boolean(pair.value.comment?.trim());
  }
  return false;
}

function comparePermissions(check: JobCheck, optional: Permissions, isExplained: (scope: string) => boolean) {
  if (!check.granted) return;
  const where = `${check.workflow} job ${check.job}`;
  for (const [scope, level] of Object.entries(check.required))
    if (rank(check.granted[scope] as Level) < rank(level))
      check.problems.push(`${where}: its steps need ${scope}: ${level}, it grants ${check.granted[scope] ?? 'none'}`);
  for (const [scope, level] of Object.entries(check.granted)) {
    if (level === ('none' as string)) continue;
    const allowed = Math.max(rank(check.required[scope]), rank(optional[scope]));
    if (rank(level) > allowed && !isExplained(scope))
      check.problems.push(
        `${where}: grants ${scope}: ${level}, more than its steps document (${check.required[scope] ?? 'none'}); say why in a comment on that line, or drop it`,
      );
  }
}
