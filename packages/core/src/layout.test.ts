import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folders of the core import one another downwards only: a capability never reaches into a
 * use case, report/ and forge/ meet only in section/, and no two folders import each other even
 * through a third. Read from the import lines of the sources (static and `await import()`).
 */
const src = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(src, '..', 'package.json'), 'utf8')) as { exports: Record<string, unknown>; sideEffects?: boolean };

const sources = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const folderOf = (file: string) => file.split(/[\\/]/)[0].replace(/\.ts$/, '');

function folderImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sources) {
    const from = folderOf(file);
    const text = readFileSync(join(src, file), 'utf8');
    for (const m of text.matchAll(/(?:from |import\()\s*'(\.\.?\/[^']+)'/g)) {
      const to = folderOf(relative(src, resolve(src, dirname(file), m[1])));
      if (to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
    }
  }
  return edges;
}

function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const walk = (node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      if (path.includes(next)) found.push([...path.slice(path.indexOf(next)), next]);
      else walk(next, [...path, next]);
    }
  };
  for (const node of edges.keys()) walk(node, [node]);
  return found;
}

describe('the core layout', () => {
  const edges = folderImports();

  it('has no import cycle between folders', () => {
    expect(edges.get('section')).toBeDefined();
    expect(cycles(edges)).toEqual([]);
  });

  it('keeps report/ and forge/ apart, both on section/', () => {
    expect(edges.get('report')).toContain('section');
    expect(edges.get('forge')).toContain('section');
    expect(edges.get('report')).not.toContain('forge');
    expect(edges.get('forge')).not.toContain('report');
  });

  it('lets no capability import a use case', () => {
    const useCases = ['validate-data', 'compare-metrics', 'comment-report', 'train', 'publish-model'];
    for (const [from, to] of edges) {
      if (useCases.includes(from)) continue;
      expect(
        [...to].filter((t) => useCases.includes(t)),
        from,
      ).toEqual([]);
    }
  });

  it('exports one entry point per folder, each with an index.ts, and no barrel', () => {
    expect(pkg.sideEffects).toBe(false);
    expect(Object.keys(pkg.exports)).not.toContain('.');
    const folders = readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory() && sources.some((f) => folderOf(f) === d.name));
    for (const d of folders) {
      expect(Object.keys(pkg.exports), d.name).toContain(`./${d.name}`);
      expect(sources, d.name).toContain(join(d.name, 'index.ts'));
    }
  });
});
