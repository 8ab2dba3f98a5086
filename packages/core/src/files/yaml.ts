import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  parseDocument,
  type Document,
  type DocumentOptions,
  type LineCounter,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { UserError } from '../errors.js';

/**
 * How many nodes aliases may add to a YAML document once expanded. `<<: *defaults` and a few
 * shared blocks add hundreds; a "billion laughs" file adds billions. The `yaml` library's own
 * `maxAliasCount` only weighs aliases that contain aliases, so 999 aliases of one large map pass
 * it and then cost gigabytes in whatever walks the value (flattening, the report).
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** As for JSON (files/lenient-json.ts): deeper than this overflows the recursive walks that follow. */
export const MAX_YAML_DEPTH = 100;

/** Alias nesting the library refuses beyond (its `maxAliasCount`); the expansion bound does the rest. */
const MAX_ALIAS_COUNT = 1000;

/**
 * `parseDocument` without the library's duplicate-key check, which compares each key with every
 * key before it: a mapping of 40,000 keys took 40 s. toJsBounded checks duplicates in one pass.
 */
export function parseYamlDocument(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): Document {
  return parseDocument(text, { ...options, uniqueKeys: false });
}

/**
 * `doc.toJS()` with the cost of aliases bounded: a document whose aliases expand to more than
 * `MAX_ALIAS_EXPANSION` nodes is a UserError at the alias that crosses the bound.
 */
export function toJsBounded(doc: Document, lineCounter: LineCounter, file: string, maxExpansion = MAX_ALIAS_EXPANSION): unknown {
  const where = (node: Node | undefined) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line, column: col };
  };
  const walked = walk(doc, maxExpansion);
  if (walked?.duplicate) throw new UserError('invalid YAML: Map keys must be unique', where(walked.duplicate));
  if (walked?.tooDeep) {
    throw new UserError(`YAML nested deeper than ${MAX_YAML_DEPTH} levels`, where(walked.tooDeep));
  }
  const over = walked?.alias;
  if (over) {
    throw new UserError(
      `YAML aliases expand to more than ${maxExpansion.toLocaleString('en-US')} nodes (the alias *${over.source} passes it); ` +
        'an anchor reused this often is refused as a resource exhaustion attack',
      where(over),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError) throw new UserError(`invalid YAML: ${e.message}`, { ...where(undefined), cause: e });
    throw e;
  }
}

/**
 * Walks the document once (iteratively: a deep document must not overflow the stack) and returns
 * the first of: a key repeated in its mapping, a collection nested deeper than MAX_YAML_DEPTH, an
 * alias at which the nodes added by expanding aliases pass `max`. The expanded size of an
 * anchored node is computed once and reused, so nested aliases cost their size as a number, not
 * as a walk.
 */
function walk(doc: Document, max: number): { alias?: Node & { source: string }; tooDeep?: Node; duplicate?: Node } | undefined {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  let added = 0;
  // Post-order: a node's size is known once its children's are. Anchors are defined before use
  // (the library refuses forward aliases), and a document is walked in source order.
  const stack: Array<{ node: unknown; done: boolean; depth: number }> = [{ node: doc.contents, done: false, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const node = top.node;
    if (node == null) continue;
    if (isPair(node)) {
      if (!top.done) {
        const depth = top.depth;
        stack.push({ node, done: true, depth }, { node: node.value, done: false, depth }, { node: node.key, done: false, depth });
      }
      continue;
    }
    const n = node as Node;
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      const size = target ? (sizes.get(target) ?? 1) : 1;
      sizes.set(n, size);
      added += size;
      if (added > max) return { alias: n as Node & { source: string } };
      continue;
    }
    if (isCollection(n) && !top.done) {
      const depth = top.depth + 1;
      if (depth > MAX_YAML_DEPTH) return { tooDeep: n };
      if (isMap(n)) {
        const keys = new Set<unknown>();
        for (const pair of n.items) {
          // As the library compares keys: scalars by value; `<<` may repeat (merge keys).
          if (!isScalar(pair.key) || pair.key.value === '<<') continue;
          if (keys.has(pair.key.value)) return { duplicate: pair.key };
          keys.add(pair.key.value);
        }
      }
      stack.push({ node: n, done: true, depth });
      for (let i = n.items.length - 1; i >= 0; i--) stack.push({ node: n.items[i], done: false, depth });
      continue;
    }
    let size = 1;
    if (isCollection(n)) {
      for (const item of n.items as unknown[]) {
        if (isPair(item)) size += (item.key ? (sizes.get(item.key as Node) ?? 1) : 0) + (item.value ? (sizes.get(item.value as Node) ?? 1) : 0);
        else size += sizes.get(item as Node) ?? 1;
      }
    }
    sizes.set(n, Math.min(size, Number.MAX_SAFE_INTEGER));
    if (n.anchor) anchors.set(n.anchor, n);
  }
  return undefined;
}
