import { createHash } from 'node:crypto';

/**
 * A repository's object database as the Git Data API sees it. Objects are hashed the way git
 * hashes them, so a sha from the loopback server has the shape and meaning of a real one: equal
 * content gives an equal blob, an unchanged tree keeps its sha.
 */

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export interface Signature {
  name: string;
  email: string;
  date: string;
}

export type GitObject =
  | { type: 'blob'; sha: string; content: Buffer }
  | { type: 'tree'; sha: string; entries: TreeEntry[] }
  | { type: 'commit'; sha: string; tree: string; parents: string[]; message: string; author: Signature; committer: Signature }
  | { type: 'tag'; sha: string; tag: string; object: string; objectType: 'commit'; message: string; tagger: Signature };

/** An entry of a tree to create, as POST /git/trees takes it: a nested path, and a sha, content, or null to delete. */
export interface NewEntry {
  path: string;
  mode: string;
  type?: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

export class GitError extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

export class GitStore {
  private readonly objects = new Map<string, GitObject>();

  get(sha: string): GitObject | undefined {
    return this.objects.get(sha);
  }

  has(sha: string): boolean {
    return this.objects.has(sha);
  }

  putBlob(content: Buffer): string {
    const sha = hash('blob', content);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'blob', sha, content });
    return sha;
  }

  putTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => compareTreeNames(a, b));
    const body = Buffer.concat(sorted.flatMap((e) => [Buffer.from(`${e.mode} ${e.path}\0`), Buffer.from(e.sha, 'hex')]));
    const sha = hash('tree', body);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'tree', sha, entries: sorted });
    return sha;
  }

  putCommit(c: { tree: string; parents: string[]; message: string; author: Signature; committer: Signature }): string {
    const tree = this.objects.get(c.tree);
    if (tree?.type !== 'tree') throw new GitError(422, 'Tree SHA does not exist');
    for (const p of c.parents) if (this.objects.get(p)?.type !== 'commit') throw new GitError(422, 'Parent SHA does not exist or is not a commit object');
    const sig = (s: Signature): string => `${s.name} <${s.email}> ${Math.floor(Date.parse(s.date) / 1000)} +0000`;
    const text = [`tree ${c.tree}`, ...c.parents.map((p) => `parent ${p}`), `author ${sig(c.author)}`, `committer ${sig(c.committer)}`, '', c.message].join(
      '\n',
    );
    const sha = hash('commit', Buffer.from(text));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'commit', sha, ...c });
    return sha;
  }

  /** POST /git/trees: entries with nested paths are placed into (new) subtrees of base_tree. */
  createTree(baseTree: string | undefined, entries: NewEntry[]): string {
    let root: TreeEntry[] = [];
    if (baseTree) {
      const base = this.objects.get(baseTree);
      if (base?.type !== 'tree') throw new GitError(422, 'base_tree is not a valid tree oid');
      root = base.entries;
    }
    const edits = entries.map((e) => {
      let sha = e.sha;
      if (e.content !== undefined) sha = this.putBlob(Buffer.from(e.content, 'utf8'));
      else if (sha && !this.objects.has(sha) && e.type !== 'commit') throw new GitError(422, `tree.sha ${sha} is not a valid ${e.type ?? 'blob'}`);
      return { parts: e.path.split('/').filter(Boolean), mode: e.mode, type: e.type ?? (e.mode === '040000' ? 'tree' : 'blob'), sha: sha ?? null };
    });
    return this.applyEdits(root, edits);
  }

  private applyEdits(entries: TreeEntry[], edits: Array<{ parts: string[]; mode: string; type: TreeEntry['type']; sha: string | null }>): string {
    const byName = new Map(entries.map((e) => [e.path, e]));
    const nested = new Map<string, typeof edits>();
    for (const e of edits) {
      const [head, ...rest] = e.parts;
      if (rest.length === 0) {
        if (e.sha === null) byName.delete(head);
        else byName.set(head, { path: head, mode: e.mode, type: e.type, sha: e.sha });
      } else {
        nested.set(head, [...(nested.get(head) ?? []), { ...e, parts: rest }]);
      }
    }
    for (const [dir, sub] of nested) {
      const existing = byName.get(dir);
      const subtree = existing?.type === 'tree' ? (this.objects.get(existing.sha) as Extract<GitObject, { type: 'tree' }>).entries : [];
      const sha = this.applyEdits(subtree, sub);
      const tree = this.objects.get(sha) as Extract<GitObject, { type: 'tree' }>;
      if (tree.entries.length === 0) byName.delete(dir);
      else byName.set(dir, { path: dir, mode: '040000', type: 'tree', sha });
    }
    return this.putTree([...byName.values()]);
  }

  /** The entries of a tree, or of every subtree too with full paths (GET /git/trees?recursive=1). */
  listTree(sha: string, recursive: boolean, prefix = ''): TreeEntry[] {
    const tree = this.objects.get(sha);
    if (tree?.type !== 'tree') throw new GitError(404, 'Not Found');
    const out: TreeEntry[] = [];
    for (const e of tree.entries) {
      out.push({ ...e, path: prefix + e.path });
      if (recursive && e.type === 'tree') out.push(...this.listTree(e.sha, true, `${prefix}${e.path}/`));
    }
    return out;
  }

  /** The blob at a path of a commit or tree, if there is one. */
  readPath(sha: string, path: string): { sha: string; content: Buffer } | undefined {
    let obj = this.objects.get(sha);
    if (obj?.type === 'commit') obj = this.objects.get(obj.tree);
    for (const part of path.split('/').filter(Boolean)) {
      if (obj?.type !== 'tree') return undefined;
      const entry = obj.entries.find((e) => e.path === part);
      obj = entry && this.objects.get(entry.sha);
    }
    return obj?.type === 'blob' ? { sha: obj.sha, content: obj.content } : undefined;
  }

  /** An annotated tag object pointing at a commit (made by `git tag -a`, pushed). */
  putTag(t: { tag: string; object: string; message: string; tagger: Signature }): string {
    const body = Buffer.from(
      `object ${t.object}\ntype commit\ntag ${t.tag}\ntagger ${t.tagger.name} <${t.tagger.email}> ${Math.floor(Date.parse(t.tagger.date) / 1000)} +0000\n\n${t.message}\n`,
    );
    const sha = hash('tag', body);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'tag', sha, objectType: 'commit', ...t });
    return sha;
  }

  /** Whether `ancestor` is reachable from `sha` through parents (a commit is its own ancestor). */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length) {
      const s = queue.pop()!;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      const c = this.objects.get(s);
      if (c?.type === 'commit') queue.push(...c.parents);
    }
    return false;
  }
}

/** The sha git gives a file's content. */
export function blobSha(content: Buffer): string {
  return hash('blob', content);
}

function hash(type: string, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
}

// git orders tree entries by name, comparing a subtree's name as if it ended in '/'.
function compareTreeNames(a: TreeEntry, b: TreeEntry): number {
  const ka = Buffer.from(a.type === 'tree' ? `${a.path}/` : a.path);
  const kb = Buffer.from(b.type === 'tree' ? `${b.path}/` : b.path);
  return Buffer.compare(ka, kb);
}
