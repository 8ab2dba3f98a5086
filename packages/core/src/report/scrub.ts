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
