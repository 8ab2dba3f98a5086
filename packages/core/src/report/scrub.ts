/**
 * What mlci posts (comment, check run, job summary) is scrubbed of the step's secrets: the runner
 * masks them in the log only, and a data value, a metric name or a markdown file can carry the job
 * token as easily as a log line can.
 */
export const MASK = '***';

/** `text` with every occurrence of each secret replaced by `***` (longest first, so a secret that contains another goes whole). */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    if (out.includes(s)) out = out.split(s).join(MASK);
  }
  return out;
}

/** Every string in a JSON-like value (sections, their data, titles) scrubbed; other values kept. */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  const live = secrets.filter((s) => s.length > 0);
  if (live.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v, live);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrubText(k, live), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** The parts of a report that are shown, scrubbed before anything is composed, fitted or posted. */
export function withoutSecrets<T extends { title: string; sections: unknown[]; secrets?: readonly string[] }>(o: T): T {
  const secrets = o.secrets ?? [];
  return { ...o, title: scrubText(o.title, secrets), sections: scrubDeep(o.sections, secrets) };
}

/**
 * Environment values that are secrets by their name (`HF_TOKEN`, `AWS_SECRET_ACCESS_KEY`,
 * `DB_PASSWORD`...). A step is never told which values the runner masks, but a secret reaches a
 * `run:` step's command through `env:`, under a name that says what it is; values shorter than 6
 * characters are left alone (masking `true` or `1` would garble the text, not protect it).
 */
export function secretsInEnv(env: NodeJS.ProcessEnv): string[] {
  const NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH/i;
  return Object.entries(env)
    .filter(([name, value]) => NAME.test(name) && typeof value === 'string' && value.trim().length >= 6)
    .map(([, value]) => value as string);
}

// Tokens recognisable by their shape, whatever variable (or file) they came from: GitHub's
// (`ghp_`, `ghs_`, fine-grained `github_pat_`), GitLab's personal tokens, Hugging Face's, AWS access
// key ids and Slack's. Each is long and prefixed enough that ordinary log text does not match.
const TOKEN_SHAPES =
  /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,})\b/g;

/** `text` with the given secrets and every token of a known shape replaced by `***`. */
export function scrubSecretsAndTokens(text: string, secrets: readonly string[]): string {
  return scrubText(text, secrets).replace(TOKEN_SHAPES, MASK);
}
