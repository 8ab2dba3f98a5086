/** A value at the end of a flattened path. Numbers include NaN and ±Infinity. */
export type Leaf = number | string | boolean | null;

/** One file's values by flattened key, in the file's order. */
export type FlatRecord = Record<string, Leaf>;

/** Flattened files by path (forward slashes, relative to the workspace). */
export type Files = Map<string, FlatRecord>;

/**
 * Flattens nested metrics or params into `key -> leaf`, the way DVC names them:
 *
 *   {"roc_auc": {"test": 0.93}}          roc_auc.test
 *   {"layers": [{"units": 64}, ...]}     layers[0].units
 *   {"grid": [[1, 2], [3, 4]]}           grid[1][0]
 *   {"evaluate/dice": 0.88}              evaluate/dice   (a key is kept as written)
 *   {"a.b": {"c": 1}}                    a.b.c           (dots inside a key are kept literally)
 *
 * Object keys are joined with `.`, array elements append `[i]`. A key is never quoted or escaped,
 * so `{"a.b": {"c": 1}}` and `{"a": {"b": {"c": 1}}}` both give `a.b.c` — the same ambiguity DVC
 * has; if one file holds both, the one later in the file wins. Empty objects and arrays give no key.
 * Dates (TOML, YAML timestamps) become ISO strings; big integers become numbers.
 */
export function flatten(value: Record<string, unknown>): FlatRecord {
  const out: FlatRecord = {};
  const put = (key: string, leaf: Leaf) => {
    // `__proto__` must stay an own key, as JSON.parse makes it.
    if (key === '__proto__') Object.defineProperty(out, key, { value: leaf, enumerable: true, writable: true, configurable: true });
    else out[key] = leaf;
  };
  const walk = (v: unknown, path: string) => {
    if (v === null || v === undefined) return put(path, null);
    switch (typeof v) {
      case 'number':
      case 'string':
      case 'boolean':
        return put(path, v);
      case 'bigint':
        return put(path, Number(v));
      case 'object':
        break;
      default:
        return put(path, String(v));
    }
    if (v instanceof Date) return put(path, Number.isNaN(v.getTime()) ? String(v) : v.toISOString());
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`);
  };
  for (const k of Object.keys(value)) walk(value[k], k);
  return out;
}
