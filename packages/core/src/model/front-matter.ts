import { parse } from 'yaml';
import { UserError } from '../errors.js';

/** A markdown file's YAML front matter (between `---` lines at its top) and the rest. */
export function splitFrontMatter(text: string, input = 'model-card'): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { data: {}, body: text };
  let data: unknown;
  try {
    data = parse(m[1]);
  } catch (e) {
    throw new UserError(`input "${input}": the template's front matter is not YAML: ${(e as Error).message}`, { input, line: 2 });
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data)))
    throw new UserError(`input "${input}": the template's front matter is not a mapping`, { input, line: 2 });
  return { data: (data ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}
