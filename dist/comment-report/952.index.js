export const id = 952;
export const ids = [952];
export const modules = {

/***/ 80952:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TESTS_SECTION_ID: () => (/* binding */ TESTS_SECTION_ID),
  buildTestsSection: () => (/* binding */ buildTestsSection)
});

// UNUSED EXPORTS: displayName, testsBaselineName

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var lib_errors = __webpack_require__(57706);
// EXTERNAL MODULE: ./packages/core/lib/files/globs.js
var globs = __webpack_require__(3882);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
// EXTERNAL MODULE: ./packages/core/lib/forge/api.js
var forge_api = __webpack_require__(50225);
;// CONCATENATED MODULE: ./packages/core/lib/forge/file-at-ref.js








/** Metrics and plot data are small, but a baseline or a reference must not die on a large CSV. */
const MAX_FILE_AT_REF = 512 * 1024 * 1024;
// ---- the local clone ---------------------------------------------------------------------------
/**
 * The files of `ref` in the local clone of `cwd`, or undefined when the clone lacks the ref (a
 * shallow checkout, a ref never fetched) or there is no clone. git runs with argument arrays,
 * never through a shell: a ref comes from an input or an event payload.
 */
async function openInClone(ref, cwd, o) {
    const sha = await resolveCommit(ref, cwd);
    if (!sha)
        return undefined;
    const date = await commitDate(sha, cwd);
    const max = o.maxBytes ?? MAX_FILE_AT_REF;
    const shown = (path) => `${path}@${ref}`;
    /** The blob of a regular file at `path`, by its mode in the tree: 100644 or 100755. */
    const blobOf = async (path) => {
        // Without --full-name, ls-tree takes and names paths relative to cwd, the workspace, wherever
        // the repository's root is; literal pathspecs keep `*` in a file name a character.
        const r = await git(['ls-tree', '-l', '-z', sha, '--', `./${path}`], cwd);
        if (r.code !== 0)
            return undefined;
        const entry = /^(\d{6}) (\w+) ([0-9a-f]{40,64}) +(\d+|-)\t/.exec(r.stdout);
        if (!entry || (entry[1] !== '100644' && entry[1] !== '100755') || entry[2] !== 'blob')
            return undefined;
        if (Number(entry[4]) > max)
            throw tooLarge(shown(path), Number(entry[4]), max, o.input);
        return entry[3];
    };
    return {
        via: 'git',
        commit: { sha, ...(date ? { date } : {}) },
        async read(path) {
            const blob = await blobOf(path);
            if (!blob)
                return undefined;
            // `cat-file blob` gives the committed bytes exactly; `git show` would run textconv filters.
            return new Promise((done, fail) => {
                (0,external_node_child_process_.execFile)('git', ['cat-file', 'blob', blob], { cwd, env: gitEnv(), encoding: 'buffer', maxBuffer: max + 1 }, (err, stdout) => err ? fail(err) : done(stdout));
            });
        },
        async copyTo(path, dest) {
            const blob = await blobOf(path);
            if (!blob)
                return false;
            const fh = await (0,promises_.open)(dest, 'w');
            try {
                const { code, stderr } = await new Promise((done, fail) => {
                    const child = (0,external_node_child_process_.spawn)('git', ['cat-file', 'blob', blob], { cwd, env: gitEnv(), stdio: ['ignore', fh.fd, 'pipe'] });
                    let err = '';
                    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
                    child.on('error', fail);
                    child.on('close', (c) => done({ code: c, stderr: err }));
                });
                if (code !== 0)
                    throw new Error(`git cat-file blob ${blob} (${shown(path)}) failed: ${stderr.trim()}`);
            }
            finally {
                await fh.close();
            }
            return true;
        },
        async list(patterns) {
            const r = await git(['ls-tree', '-r', '-z', '--name-only', sha], cwd, 64 << 20);
            if (r.code !== 0)
                throw new Error(`git ls-tree ${sha} failed: ${r.stderr.trim()}`);
            const match = picomatch(patterns, { dot: false });
            return r.stdout
                .split('\0')
                .filter((n) => n && match(n))
                .sort();
        },
    };
}
/**
 * The commit a ref names locally, or undefined. Tried as given, then as `origin/<ref>` (what
 * actions/checkout leaves for other branches).
 */
async function resolveCommit(ref, cwd) {
    const candidates = ref.startsWith('origin/') || /^[0-9a-f]{40}$/i.test(ref) ? [ref] : [ref, `origin/${ref}`];
    for (const candidate of candidates) {
        // `--end-of-options` keeps a ref from being read as an option, whatever it starts with.
        const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], cwd);
        const sha = r.stdout.trim();
        if (r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha))
            return sha;
    }
    return undefined;
}
/** The committer date (ISO 8601) of a commit of the local clone. */
async function commitDate(rev, cwd) {
    const r = await git(['show', '-s', '--format=%cI', '--end-of-options', rev], cwd);
    return (r.code === 0 && r.stdout.trim()) || undefined;
}
/**
 * What the workspace is: a full clone (a ref it lacks does not exist), a shallow one
 * (actions/checkout's default: a ref it lacks may still exist), or no clone at all.
 */
async function cloneKind(cwd) {
    const r = await git(['rev-parse', '--is-shallow-repository'], cwd);
    if (r.code !== 0)
        return 'none';
    return r.stdout.trim() === 'false' ? 'full' : 'shallow';
}
/** Where the workspace sits inside its repository (`''` at the root, `ml/` in a subfolder). */
async function repositoryPrefix(cwd) {
    const r = await git(['rev-parse', '--show-prefix'], cwd);
    return r.code === 0 ? r.stdout.trim() : '';
}
/** git with an argument array (never a shell), for short answers. */
function git(args, cwd, maxBuffer = 1 << 20) {
    return new Promise((done) => {
        (0,external_node_child_process_.execFile)('git', args, { cwd, maxBuffer, env: gitEnv() }, (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
            done({ code, stdout: String(stdout), stderr: String(stderr) });
        });
    });
}
// Never ask for credentials on a terminal that is not there (a partial clone may fetch lazily);
// a path is a path, never a pattern.
const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' });
// ---- the contents API --------------------------------------------------------------------------
/**
 * The commit a ref names on GitHub (`GET /repos/{owner}/{repo}/commits/{ref}`), or undefined when
 * the repository has no such branch, tag or commit: GitHub answers 422 ("No commit found for SHA")
 * for those. The contents endpoint cannot tell: its 404 means a missing ref and a missing file
 * alike. A 404 here means the repository is not visible to the token: a UserError naming `input`.
 */
async function apiCommit(api, repo, ref, input = 'baseline') {
    try {
        const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...repo, ref, per_page: 1 });
        const date = data.commit?.committer?.date ?? data.commit?.author?.date ?? undefined;
        return { sha: data.sha, ...(date ? { date } : {}) };
    }
    catch (e) {
        const status = (0,forge_api/* statusOf */.c2)(e);
        if (status === 422)
            return undefined;
        if (status === 404) {
            throw new lib_errors/* UserError */.y(`input "${input}": GitHub has no repository ${repo.owner}/${repo.repo} that the token can read, so git:${ref} cannot be looked up (the token needs contents: read)`, { input, cause: e });
        }
        throw e;
    }
}
/**
 * The files of `ref` through `GET /repos/{owner}/{repo}/contents/{path}`, for a checkout that
 * lacks the ref. The ref is resolved to its commit first (apiCommit: one request) unless the
 * caller knows the commit, and every file is read at that sha; undefined when the ref names no
 * commit. `prefix` is where the workspace sits inside the repository (repositoryPrefix).
 */
async function openThroughApi(api, repo, ref, o) {
    const commit = o.commit ?? (await apiCommit(api, repo, ref, o.input));
    if (!commit)
        return undefined;
    const max = o.maxBytes ?? MAX_FILE_AT_REF;
    const prefix = o.prefix ?? '';
    const fetch = async (path) => {
        const shown = `${path}@${ref}`;
        let res;
        try {
            // The raw media type: without it GitHub sends no content for files over 1 MB (`encoding:
            // "none"`); with it files up to 100 MB come as their bytes.
            res = await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
                ...repo,
                path: prefix + path,
                ref: commit.sha,
                headers: { accept: 'application/vnd.github.raw+json' },
                request: { parseSuccessResponseBody: false },
            });
        }
        catch (e) {
            const status = (0,forge_api/* statusOf */.c2)(e);
            if (status === 404)
                return undefined;
            const why = status === 403 || status === 401 ? `GitHub refused to read it (${(0,forge_api/* messageOf */.bD)(e)}): the token needs contents: read` : (0,forge_api/* messageOf */.bD)(e);
            throw new lib_errors/* UserError */.y(`input "${o.input}": cannot read ${shown} from GitHub: ${why}`, { input: o.input, cause: e });
        }
        const size = Number(res.headers['content-length']);
        if (size > max)
            throw tooLarge(shown, size, max, o.input);
        const body = bounded(toReadable(res.data), max, shown, o.input);
        if (!/^application\/json/i.test(String(res.headers['content-type'] ?? '')))
            return body;
        // The JSON description: a directory (a list), a submodule, a symlink GitHub did not follow, or
        // a file with base64 content from a server that ignores the raw media type.
        const chunks = [];
        for await (const c of body)
            chunks.push(Buffer.from(c));
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (Array.isArray(json) || json.type !== 'file')
            return undefined;
        if (json.encoding !== 'base64' || typeof json.content !== 'string') {
            throw new lib_errors/* UserError */.y(`input "${o.input}": GitHub sent ${shown} without its content (encoding "${json.encoding}": a file over 1 MB) although the raw media type was asked for`, { input: o.input });
        }
        return Buffer.from(json.content, 'base64');
    };
    return {
        via: 'api',
        commit,
        async read(path) {
            const got = await fetch(path);
            if (got === undefined || Buffer.isBuffer(got))
                return got;
            const chunks = [];
            for await (const c of got)
                chunks.push(Buffer.from(c));
            return Buffer.concat(chunks);
        },
        async copyTo(path, dest) {
            const got = await fetch(path);
            if (got === undefined)
                return false;
            if (Buffer.isBuffer(got))
                await (0,promises_.writeFile)(dest, got);
            else
                await (0,external_node_stream_promises_.pipeline)(got, (0,external_node_fs_.createWriteStream)(dest));
            return true;
        },
        list: async () => [],
    };
}
function tooLarge(shown, size, max, input) {
    const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    return new lib_errors/* UserError */.y(`input "${input}": ${shown} is ${mb(size)}, more than the ${mb(max)} read at a ref`, { input });
}
/** Passes the bytes on until there are more than `max`: a server's content-length is not trusted. */
function bounded(body, max, shown, input) {
    return external_node_stream_.Readable.from((async function* () {
        let seen = 0;
        for await (const chunk of body) {
            seen += chunk.length;
            if (seen > max)
                throw tooLarge(shown, seen, max, input);
            yield chunk;
        }
    })());
}
function toReadable(data) {
    if (data instanceof external_node_stream_.Readable)
        return data;
    if (data && typeof data.getReader === 'function') {
        return external_node_stream_.Readable.fromWeb(data);
    }
    // A client that parsed the body anyway (a string, bytes, or the JSON object).
    if (typeof data === 'string' || data instanceof Uint8Array)
        return external_node_stream_.Readable.from([Buffer.from(data)]);
    if (data instanceof ArrayBuffer)
        return external_node_stream_.Readable.from([Buffer.from(data)]);
    return external_node_stream_.Readable.from([Buffer.from(JSON.stringify(data))]);
}
//# sourceMappingURL=file-at-ref.js.map
;// CONCATENATED MODULE: ./packages/core/lib/baseline/api.js

/**
 * The files of a ref through the REST contents endpoint, for a shallow checkout that lacks the
 * ref; undefined when GitHub knows no such branch, tag or commit. `prefix` is where the workspace
 * sits inside the repository (repositoryPrefix). It cannot list directories cheaply, so files
 * removed since the ref are not found this way.
 */
async function apiSource(api, repo, ref, prefix = '') {
    const files = await openThroughApi(api, repo, ref, { input: 'baseline', prefix });
    if (!files)
        return undefined;
    return { label: `git:${ref} (GitHub API)`, commit: files.commit, read: files.read, list: files.list };
}
//# sourceMappingURL=api.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./packages/core/lib/files/contained.js
var contained = __webpack_require__(73748);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 2 modules
var dist = __webpack_require__(60925);
;// CONCATENATED MODULE: ./packages/core/lib/baseline/source.js





/** A directory laid out like the workspace. */
function directorySource(root, label) {
    return {
        label,
        read: (path) => readIfFile((0,external_node_path_.join)(root, path)),
        async list(patterns) {
            const relative = patterns.filter((p) => !(0,external_node_path_.isAbsolute)(p));
            if (relative.length === 0)
                return [];
            return (await (0,dist/* glob */.TI)(relative, { cwd: root, onlyFiles: true, dot: false })).sort();
        },
    };
}
/**
 * One file standing for one head file (`file:old-metrics.json` against `metrics.json`). Asked for
 * anything else it has nothing, so params and other files read as missing on the base side.
 */
function singleFileSource(file, standsFor, label) {
    return {
        label,
        read: async (path) => (path === standsFor ? readIfFile(file) : undefined),
        list: async () => [],
    };
}
/**
 * An uploaded artifact or a directory of someone else's making may hold a lone file at its root
 * (actions/upload-artifact roots a single file's artifact at the file): a head file missing at its
 * own path is looked for by its base name, when no other head file shares that name.
 */
function withBasenameFallback(source, headPaths) {
    const counts = new Map();
    for (const p of headPaths)
        counts.set((0,external_node_path_.basename)(p), (counts.get((0,external_node_path_.basename)(p)) ?? 0) + 1);
    return {
        ...source,
        async read(path) {
            const found = await source.read(path);
            if (found !== undefined || !path.includes('/') || counts.get((0,external_node_path_.basename)(path)) !== 1)
                return found;
            return source.read((0,external_node_path_.basename)(path));
        },
    };
}
/** A baseline folder is as untrusted as the checkout: its files, too, must resolve inside. */
async function readIfFile(file) {
    const s = await (0,promises_.stat)(file).catch(() => undefined);
    if (!s?.isFile())
        return undefined;
    return (0,promises_.readFile)(await (0,contained/* containedPath */.fX)(file, { input: 'baseline' }));
}
/** A `file:` baseline: a directory, or a single file when exactly one metrics file is compared. */
async function fileSource(path, workspace, headMetrics) {
    const full = (0,external_node_path_.resolve)(workspace, path);
    const s = await (0,promises_.stat)(full).catch(() => undefined);
    if (!s)
        return undefined;
    if (s.isDirectory())
        return directorySource(full, `file:${path}`);
    if (headMetrics.length !== 1) {
        throw new lib_errors/* UserError */.y(`input "baseline": file:${path} is a single file, but ${headMetrics.length} metrics files are compared; give a directory laid out like the workspace`, { input: 'baseline' });
    }
    return singleFileSource(full, headMetrics[0], `file:${path}`);
}
//# sourceMappingURL=source.js.map
;// CONCATENATED MODULE: ./packages/core/lib/baseline/cache.js






const PREFIX = 'mlci-baseline-';
/**
 * The baseline's name in cache keys: a short hash of the `metrics` input, so two compare steps
 * with different files keep separate baselines and the same step on the default branch and in a
 * pull request finds its own.
 */
function baselineName(metricsPatterns) {
    const canonical = [...new Set(metricsPatterns.map((p) => p.trim().replace(/^\.\//, '')))].sort().join('\n');
    return (0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex').slice(0, 12);
}
/**
 * `mlci-baseline-<name>-<sha>`: one entry per commit of the default branch (entries are immutable).
 * Restoring asks for the base commit's entry first, then the newest of the name (`mlci-baseline-<name>-`).
 */
function baselineCacheKey(name, sha) {
    return `${PREFIX}${name}-${sha}`;
}
function baselineRestoreKeys(name) {
    return [`${PREFIX}${name}-`];
}
/** The folder name inside a cache entry (what the entry's paths hash). */
function stagingPath(name) {
    return `.mlci-baseline-${name}`;
}
/**
 * Restores the newest stored baseline into a fresh folder under the temp directory, or undefined
 * on a miss. The workspace is never touched, and an entry with a member that is absolute, has
 * `..`, is a link or lies outside the baseline's folder is refused whole (files/archive.ts).
 */
async function restoreCachedBaseline(cache, o) {
    const rel = stagingPath(o.name);
    const primary = o.sha ? baselineCacheKey(o.name, o.sha) : `${PREFIX}${o.name}-`;
    const hit = await cache.restore([rel], primary, baselineRestoreKeys(o.name));
    if (!hit)
        return undefined;
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(o.tempDir ?? (0,external_node_os_.tmpdir)(), 'mlci-baseline-'));
    try {
        // The tar reader loads only when there is an entry to read.
        const { extractTarChecked } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(63)]).then(__webpack_require__.bind(__webpack_require__, 75063));
        await extractTarChecked(hit.tar, dir, { prefix: rel, what: `the cache entry ${hit.key}` });
    }
    catch (e) {
        hit.tar.destroy();
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw e;
    }
    return directorySource(dir, `cache ${hit.key}`);
}
/**
 * Stores the head's files (paths relative to the workspace) as the baseline of commit `sha`. They
 * are staged in a temp folder, never in the workspace, so a killed run leaves nothing behind there.
 * The caller decides whether the run may store (never after a failed gate or an error).
 */
async function saveCachedBaseline(cache, o) {
    const rel = stagingPath(o.name);
    const root = await (0,promises_.mkdtemp)((0,external_node_path_.join)(o.tempDir ?? (0,external_node_os_.tmpdir)(), 'mlci-baseline-save-'));
    const key = baselineCacheKey(o.name, o.sha);
    try {
        await stageFiles(o.workspace, o.files, (0,external_node_path_.join)(root, rel));
        return { key, saved: await cache.save([rel], key, root) };
    }
    finally {
        await (0,promises_.rm)(root, { recursive: true, force: true });
    }
}
/** Copies workspace files (relative paths) into `dir`, keeping their layout; each must resolve inside the workspace. */
async function stageFiles(workspace, files, dir) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    for (const f of new Set(files)) {
        const to = (0,external_node_path_.join)(dir, f);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(to), { recursive: true });
        await (0,promises_.cp)(await (0,contained/* containedPath */.fX)(f, { input: 'metrics', boundary: { ...(0,contained/* defaultBoundary */.Yx)(), workspace } }), to);
    }
}
//# sourceMappingURL=cache.js.map
;// CONCATENATED MODULE: ./packages/core/lib/baseline/commit.js

/** The commit a ref names in the local clone, with its committer date; undefined when it has none. */
async function localCommit(ref, cwd) {
    const sha = await resolveCommit(ref, cwd);
    if (!sha)
        return undefined;
    const date = await commitDate(sha, cwd);
    return { sha, ...(date ? { date } : {}) };
}
/** The local clone first, else GitHub: undefined when neither knows the ref. */
async function findCommit(ref, o) {
    return (await localCommit(ref, o.workspace)) ?? (o.api && o.repo ? apiCommit(o.api, o.repo, ref) : undefined);
}
/**
 * How much older a base is than the head, in words: `3 days older than head`, `2 hours newer than
 * head`, `as old as head`. Undefined when a date is missing or unreadable.
 */
function ageAgainst(base, head) {
    if (!base || !head)
        return undefined;
    const ms = Date.parse(head) - Date.parse(base);
    if (!Number.isFinite(ms))
        return undefined;
    const abs = Math.abs(ms);
    const units = [
        ['day', 86_400_000],
        ['hour', 3_600_000],
        ['minute', 60_000],
    ];
    const found = units.find(([, size]) => abs >= size);
    if (!found)
        return 'as old as head';
    const n = Math.floor(abs / found[1]);
    return `${n} ${found[0]}${n === 1 ? '' : 's'} ${ms > 0 ? 'older' : 'newer'} than head`;
}
//# sourceMappingURL=commit.js.map
;// CONCATENATED MODULE: ./packages/core/lib/baseline/git.js

/**
 * The files of a ref in the local clone, or undefined when the clone does not have it (a shallow
 * checkout, a ref never fetched): forge/file-at-ref.ts reads them, by the ref's commit.
 */
async function localGitSource(ref, cwd) {
    const files = await openInClone(ref, cwd, { input: 'baseline' });
    if (!files)
        return undefined;
    return { label: `git:${ref} (local clone)`, commit: files.commit, read: files.read, list: files.list };
}
//# sourceMappingURL=git.js.map
;// CONCATENATED MODULE: ./packages/core/lib/baseline/runs.js
async function successfulRuns(api, repo, branch, o = {}) {
    const limit = o.limit ?? 10;
    const { data } = await api.request('GET /repos/{owner}/{repo}/actions/runs', {
        ...repo,
        branch,
        status: 'success',
        per_page: Math.min(100, limit * 3),
    });
    const runs = (data.workflow_runs ?? []);
    return runs
        .filter((r) => r.id !== o.exclude && r.conclusion === 'success' && !r.event.startsWith('pull_request'))
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
        .slice(0, limit)
        .map((r) => ({ id: r.id, headSha: r.head_sha, createdAt: r.created_at }));
}
//# sourceMappingURL=runs.js.map
;// CONCATENATED MODULE: ./packages/core/lib/baseline/open.js











/**
 * Finds the baseline's files. A baseline that is legitimately absent (an empty cache, no earlier
 * run with the artifact, a push that created its branch) is not an error: the comparison reports
 * "no baseline" and leaves the gates that need one not evaluated. A baseline that cannot exist —
 * a ref that names no branch, tag or commit (`git:mian`) — is the user's error, naming the input;
 * so are other things the user got wrong (a single file for several metrics files) and faults of
 * the services.
 */
async function openBaseline(chosen, o) {
    const temp = o.tempDir ?? (0,external_node_os_.tmpdir)();
    switch (chosen.kind) {
        case 'none':
            return { label: chosen.reason };
        case 'file': {
            const source = await fileSource(chosen.path, o.workspace, o.headMetrics);
            return source ? { source, label: source.label } : { label: `file:${chosen.path} does not exist` };
        }
        case 'git': {
            const local = await localGitSource(chosen.ref, o.workspace);
            if (local)
                return { source: local, label: local.label, commit: local.commit };
            if (o.api && o.repo) {
                // The contents endpoint's 404 cannot tell a missing file from a missing ref: apiSource asks first.
                const source = await apiSource(o.api, o.repo, chosen.ref, await repositoryPrefix(o.workspace));
                if (!source)
                    return missingRef(chosen, `is not a branch, tag or commit of ${o.repo.owner}/${o.repo.repo}`);
                return { source, label: source.label, commit: source.commit };
            }
            const clone = await cloneKind(o.workspace);
            if (clone === 'full')
                return missingRef(chosen, 'is not a branch, tag or commit of this clone');
            if (clone === 'none')
                return missingRef(chosen, 'cannot be read: the workspace is not a git clone and there is no token to ask GitHub (a folder of base files is file:<dir>; none compares with nothing)');
            return missingRef(chosen, 'is not in the local clone and there is no token to ask GitHub (fetch it, e.g. actions/checkout with fetch-depth: 0)');
        }
        case 'cache': {
            if (!o.cache)
                return { label: 'the Actions cache is not available here' };
            const source = await restoreCachedBaseline(o.cache, { workspace: o.workspace, name: o.name, sha: o.baseSha, tempDir: temp });
            if (!source)
                return { label: 'no baseline in the cache yet (save-baseline stores one from the default branch)' };
            // The key ends with the commit the entry was saved from (baselineCacheKey).
            const sha = /-([0-9a-f]{40}|[0-9a-f]{64})$/.exec(source.label)?.[1];
            return { source, label: source.label, ...(sha ? { commit: await commitOf(sha, o) } : {}) };
        }
        case 'artifact': {
            if (!o.api || !o.repo || !o.downloadArtifact || !o.baseBranch) {
                return { label: `artifact:${chosen.name} needs the GitHub API and the Actions artifact service` };
            }
            for (const run of await successfulRuns(o.api, o.repo, o.baseBranch, { exclude: o.runId })) {
                const runId = run.id;
                const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(temp, 'mlci-artifact-'));
                try {
                    await o.downloadArtifact(chosen.name, runId, dir);
                }
                catch (e) {
                    if (isArtifactNotFound(e))
                        continue;
                    throw e;
                }
                const label = `artifact:${chosen.name} of run ${runId}`;
                return {
                    source: withBasenameFallback(directorySource(dir, label), o.headMetrics),
                    label,
                    ...(run.headSha ? { commit: await commitOf(run.headSha, o) } : {}),
                    ...(run.createdAt ? { savedAt: run.createdAt } : {}),
                };
            }
            return { label: `no successful run on ${o.baseBranch} has an artifact named ${chosen.name}` };
        }
    }
}
/** A ref that names nothing: "no baseline" when it may legitimately be gone, else the user's error. */
function missingRef(chosen, why) {
    if (chosen.ifMissing)
        return { label: chosen.ifMissing };
    const what = chosen.chosen ? `input "baseline" is auto, and ${chosen.chosen} git:${chosen.ref}` : `input "baseline": git:${chosen.ref}`;
    throw new lib_errors/* UserError */.y(`${what} ${why}`, { input: 'baseline' });
}
/** A stored baseline's commit with its date when the clone or GitHub knows it; the sha alone else. */
async function commitOf(sha, o) {
    // The date is only for the report: a service fault here must not stop the comparison.
    const found = await findCommit(sha, { workspace: o.workspace, api: o.api, repo: o.repo }).catch(() => undefined);
    return found ?? { sha };
}
function isArtifactNotFound(e) {
    const err = e;
    return err?.name === 'ArtifactNotFoundError' || /artifact .*not found/i.test(String(err?.message ?? ''));
}
//# sourceMappingURL=open.js.map
// EXTERNAL MODULE: ./packages/core/lib/baseline/spec.js
var spec = __webpack_require__(32638);
;// CONCATENATED MODULE: ./packages/core/lib/baseline/store.js





/**
 * Stores this run's files as the baseline later runs compare with (`save-baseline`), when the run
 * may: never after a failed gate, never from a pull request. Returns what happened, for the log.
 * Errors before this point (a malformed file) end the run before anything is stored.
 */
async function storeBaseline(save, o) {
    if (save.kind === 'none')
        return { stored: false, message: 'save-baseline is off' };
    const may = (0,spec/* mayStoreBaseline */._M)(o.passed, o.eventName);
    if (!may.store)
        return { stored: false, message: `Baseline not stored: ${may.reason}.` };
    if (save.kind === 'cache') {
        if (!o.cache)
            return { stored: false, message: 'Baseline not stored: the Actions cache service is not available to this job.' };
        const { key, saved } = await saveCachedBaseline(o.cache, { workspace: o.workspace, name: o.name, sha: o.sha, files: o.files, tempDir: o.tempDir });
        return saved
            ? { stored: true, message: `Baseline stored in the cache as ${key}.` }
            : { stored: false, message: `Baseline not stored as ${key}: the cache refused it (see above; an entry for this commit may exist already).` };
    }
    if (!o.upload)
        return { stored: false, message: 'Baseline not stored: artifacts are not available here.' };
    const staged = await (0,promises_.mkdtemp)((0,external_node_path_.join)(o.tempDir ?? (0,external_node_os_.tmpdir)(), 'mlci-baseline-upload-'));
    await stageFiles(o.workspace, o.files, staged);
    await o.upload(save.name, staged);
    return { stored: true, message: `Baseline uploaded as the artifact ${save.name}.` };
}
//# sourceMappingURL=store.js.map
// EXTERNAL MODULE: ./packages/core/lib/section/escape.js + 1 modules
var section_escape = __webpack_require__(41189);
;// CONCATENATED MODULE: ./packages/core/lib/test-results/model.js
function countCases(cases) {
    const c = { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
    for (const t of cases) {
        c.tests++;
        if (t.outcome === 'passed')
            c.passed++;
        else if (t.outcome === 'failed')
            c.failed++;
        else if (t.outcome === 'error')
            c.errors++;
        else
            c.skipped++;
        if (t.flaky)
            c.flaky++;
    }
    return c;
}
/** Failed or errored: what makes a run fail. */
function isFailing(t) {
    return t.outcome === 'failed' || t.outcome === 'error';
}
/** How a test is known across runs (the baseline diff): its suite, class and name. */
function testKey(t) {
    return [t.suite, t.classname ?? '', t.name].join('\u0000');
}
/** Bounds every result file is held to: a test report is the PR's word, possibly hostile. */
const LIMITS = {
    /** Element nesting; JUnit needs 4 (testsuites > testsuite > testcase > failure), Surefire 5. */
    depth: 32,
    /** Characters of one attribute value. */
    attribute: 1024 * 1024,
    /** Test cases across one file. */
    cases: 200_000,
    /** Characters kept of one failure's text; the rest is cut, not refused. */
    details: 16 * 1024,
    /** Bytes the parser may take in without reaching a tag: saxes buffers a text node whole. */
    textRun: 32 * 1024 * 1024,
    /** TAP: bytes of one line. */
    line: 1024 * 1024,
};
//# sourceMappingURL=model.js.map
;// CONCATENATED MODULE: ./packages/core/lib/test-results/diff.js

/**
 * Head against base by test identity (suite, class, name). A test new in the head that fails is
 * newly failing; a test that failed on the base and passes now is newly passing. Tests gone from
 * the head are not reported as passing: nothing says they would.
 */
function diffRuns(head, base) {
    const before = new Map();
    for (const t of base.flatMap(cases))
        before.set(testKey(t), t);
    const d = { newlyFailing: [], newlyPassing: [], stillFailing: [] };
    for (const t of head.flatMap(cases)) {
        const b = before.get(testKey(t));
        if (isFailing(t))
            (b && isFailing(b) ? d.stillFailing : d.newlyFailing).push(t);
        else if (t.outcome === 'passed' && b && isFailing(b))
            d.newlyPassing.push(t);
    }
    return d;
}
function cases(r) {
    return r.suites.flatMap((s) => s.cases);
}
//# sourceMappingURL=diff.js.map
// EXTERNAL MODULE: ./node_modules/saxes/saxes.js
var saxes = __webpack_require__(59800);
;// CONCATENATED MODULE: ./packages/core/lib/test-results/location.js

// `path:line:` as pytest's long traceback writes it (`tests/test_x.py:14: AssertionError`), with a
// column after it as Node's stacks and Vitest's `❯ math.test.ts:8:19` write it.
const PATH_LINE = /(?:^|[\s(❯'"])((?:[A-Za-z]:)?[\w./\\@+-]*[\w-]\.[A-Za-z0-9]+):(\d+)(?::\d+)?(?=[:)\s]|$)/gm;
// Python's `File "tests/test_x.py", line 14, in test_x` (unittest-xml-reporting).
const PY_FRAME = /File "([^"]+)", line (\d+)/g;
// Frames that are never the user's test: installed packages.
const VENDORED = /(?:^|\/)(?:node_modules|site-packages|dist-packages|\.venv|venv)\//;
/**
 * The places a failure's traceback names inside the workspace (installed packages left out), the
 * innermost first: in a Python traceback that is the last frame, in a JavaScript or Java stack
 * (`at ...` lines) the first. The caller keeps the first that is a file of the workspace, so a
 * bare `Foo.java:18` or a Go `model_test.go:14` relative to its package is not taken for one.
 */
function tracebackFrames(text, workspace) {
    const frames = [];
    for (const re of [PATH_LINE, PY_FRAME]) {
        for (const m of text.matchAll(re)) {
            const file = insideWorkspace(m[1], workspace);
            const line = Number(m[2]);
            if (file === undefined || VENDORED.test(file) || !Number.isSafeInteger(line) || line < 1)
                continue;
            const start = text.lastIndexOf('\n', m.index) + 1;
            frames.push({ file, line, at: m.index, js: /^\s*at\s/.test(text.slice(start, m.index + 1)) });
        }
    }
    frames.sort((a, b) => a.at - b.at);
    const stack = frames.filter((f) => f.js);
    return (stack.length > 0 ? stack : frames.reverse()).map(({ file, line }) => ({ file, line }));
}
/** A path as the workspace knows it (relative, forward slashes), or undefined when it lies outside. */
function insideWorkspace(path, workspace) {
    const p = path.replace(/\\/g, '/');
    const rel = (0,external_node_path_.isAbsolute)(p) ? (0,external_node_path_.relative)(workspace, p) : (0,external_node_path_.normalize)(p);
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    return rel.split(external_node_path_.sep).join('/');
}
/**
 * Where a frame that names a bare file may be in the workspace, from the test's class: Go names
 * the file relative to its package (`model_test.go` of `example.com/churn/model`), Java and
 * Kotlin by its class's package under Maven's and Gradle's source folders.
 */
function pathsBesideClass(file, classname) {
    if (file.includes('/') || !classname)
        return [file];
    const paths = [file];
    if (classname.includes('/')) {
        const parts = classname.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
        for (let i = 0; i < parts.length; i++)
            paths.push([...parts.slice(i), file].join('/'));
    }
    else if (/\.(java|kt|scala|groovy)$/.test(file)) {
        const pkg = classname
            .split('.')
            .slice(0, -1)
            .filter((p) => /^[\w$]+$/.test(p))
            .join('/');
        const lang = file.slice(file.lastIndexOf('.') + 1);
        for (const root of [`src/test/${lang}`, `src/main/${lang}`, 'src/test/java', ''])
            paths.push([root, pkg, file].filter(Boolean).join('/'));
    }
    return [...new Set(paths)];
}
//# sourceMappingURL=location.js.map
;// CONCATENATED MODULE: ./packages/core/lib/test-results/junit.js
// saxes rather than fast-xml-parser: a JUnit file of a large suite (system-out of every test) can
// be hundreds of megabytes, and fast-xml-parser takes the whole document as one string. saxes is
// a streaming, well-kept, conformant parser (it refuses undeclared entities, so no entity
// expansion attack gets through) that reports line and column for every error.




// A Map, not an object: `constructor` or `__proto__` elements must not read as outcomes.
const FAILURES = new Map([
    ['failure', 'failed'],
    ['error', 'error'],
    ['skipped', 'skipped'],
]);
/** A failed attempt before the one that counted: Surefire's flaky*, pytest-rerunfailures' rerun*. */
const RETRIES = new Set(['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']);
/**
 * Reads a JUnit XML file as a stream, in the dialects the tools write: pytest (xunit1 and xunit2),
 * unittest-xml-reporting, jest-junit, Vitest, go-junit-report and Maven Surefire. Counts come from
 * the test cases, never from the suites' attributes, which some tools leave out or get wrong.
 * A file that is not well-formed XML, or passes a bound (LIMITS), is a UserError at its line.
 */
async function parseJunit(stream, file, workspace) {
    const parser = new saxes/* SaxesParser */.wT({ position: true });
    const suites = [];
    const open = [];
    const suiteStack = [];
    let current;
    let text;
    let textLength = 0;
    let cases = 0;
    let sinceEvent = 0;
    let sawRoot = false;
    let failure;
    const fail = (message) => {
        throw new lib_errors/* UserError */.y(message, { file, line: parser.line, column: parser.column });
    };
    const keep = (t) => {
        sinceEvent = 0;
        if (!text || textLength >= LIMITS.details)
            return;
        const piece = t.slice(0, LIMITS.details - textLength);
        text.push(piece);
        textLength += piece.length;
    };
    parser.on('error', (e) => {
        failure ??= e;
    });
    parser.on('opentag', (tag) => {
        sinceEvent = 0;
        const node = tag;
        if (open.length >= LIMITS.depth)
            fail(`JUnit XML nested deeper than ${LIMITS.depth} elements`);
        for (const [name, value] of Object.entries(node.attributes)) {
            if (value.length > LIMITS.attribute)
                fail(`attribute ${name} of <${node.name}> is longer than ${LIMITS.attribute.toLocaleString('en-US')} characters`);
        }
        if (!sawRoot) {
            sawRoot = true;
            if (node.name !== 'testsuites' && node.name !== 'testsuite')
                fail(`not a JUnit XML file: the root element is <${node.name}>, not <testsuites> or <testsuite>`);
        }
        open.push(node);
        const a = node.attributes;
        if (node.name === 'testsuite') {
            const suite = { name: own(a.name || a.package || file), time: seconds(a.time), cases: [] };
            suites.push(suite);
            suiteStack.push(suite);
        }
        else if (node.name === 'testcase') {
            if (++cases > LIMITS.cases)
                fail(`more than ${LIMITS.cases.toLocaleString('en-US')} test cases`);
            const suite = suiteStack.at(-1);
            const where = a.file ? insideWorkspace(a.file, workspace) : undefined;
            // pytest's xunit1 `line` is 0-based (its item location) and names the test's `def`, not the
            // failing line: one more, and a failure's traceback frame may place it better (read.ts).
            const pytest = open.some((n) => (n.name === 'testsuite' && n.attributes.name === 'pytest') || (n.name === 'testsuites' && n.attributes.name === 'pytest tests'));
            const line = Number(a.line) + (pytest && a.line !== undefined && a.line !== '' ? 1 : 0);
            current = {
                suite: suite?.name ?? '',
                name: own(a.name ?? ''),
                ...(a.classname ? { classname: own(a.classname) } : {}),
                outcome: 'passed',
                flaky: false,
                ...(seconds(a.time) !== undefined ? { time: seconds(a.time) } : {}),
                ...(where ? { file: own(where) } : {}),
                ...(where && Number.isSafeInteger(line) && line > 0 ? { line } : {}),
                ...(where && pytest ? { atDefinition: true } : {}),
                sawRetry: false,
                sawResult: false,
            };
            if (!suite) {
                // A bare <testcase> under <testsuites> (some tools): its own unnamed suite.
                const lone = { name: a.classname || file, cases: [] };
                suites.push(lone);
                suiteStack.push(lone);
            }
        }
        else if (current && open.length >= 2 && open[open.length - 2].name === 'testcase') {
            if (FAILURES.has(node.name) && !current.sawResult) {
                current.sawResult = true;
                current.outcome = FAILURES.get(node.name);
                if (a.message)
                    current.message = own(a.message);
                text = [];
                textLength = 0;
            }
            else if (RETRIES.has(node.name)) {
                current.sawRetry = true;
                if (!current.sawResult && a.message && !current.message)
                    current.message = own(a.message);
            }
        }
    });
    parser.on('text', keep);
    parser.on('cdata', keep);
    parser.on('closetag', (tag) => {
        sinceEvent = 0;
        const node = open.pop();
        if (FAILURES.has(tag.name) && current && text) {
            const details = text.join('').trim();
            if (details)
                current.details = own(details);
            text = undefined;
        }
        else if (tag.name === 'testcase' && current) {
            const { sawRetry, sawResult, ...t } = current;
            // Passed after failed attempts: flaky. Failed on every attempt: a failure, not flaky.
            t.flaky = sawRetry && t.outcome === 'passed';
            const suite = suiteStack.at(-1);
            suite.cases.push(t);
            if (!open.some((n) => n.name === 'testsuite'))
                suiteStack.pop();
            current = undefined;
        }
        else if (node.name === 'testsuite') {
            suiteStack.pop();
        }
    });
    // A character's bytes may be split across two chunks: the decoder carries them over.
    const decoder = new TextDecoder('utf-8');
    try {
        for await (const chunk of stream) {
            const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
            sinceEvent += s.length;
            parser.write(s);
            if (failure)
                break;
            if (sinceEvent > LIMITS.textRun)
                fail(`a text node longer than ${LIMITS.textRun.toLocaleString('en-US')} characters`);
        }
        if (!failure)
            parser.write(decoder.decode());
        if (!failure)
            parser.close();
    }
    catch (e) {
        if (e instanceof lib_errors/* UserError */.y)
            throw e;
        failure ??= e;
    }
    finally {
        stream.destroy();
    }
    if (failure)
        throw xmlError(failure, file, parser);
    if (!sawRoot)
        throw new lib_errors/* UserError */.y('not a JUnit XML file: it has no <testsuites> or <testsuite> element', { file, line: 1 });
    for (const s of suites)
        s.time ??= s.cases.reduce((sum, c) => sum + (c.time ?? 0), 0);
    return { file, format: 'junit', suites };
}
/** saxes says `file:line:column: message`; the place goes into the error, the message stays. */
function xmlError(e, file, parser) {
    const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(e.message);
    if (m)
        return new lib_errors/* UserError */.y(`invalid XML: ${m[3]}`, { file, line: Number(m[1]), column: Number(m[2]) });
    return new lib_errors/* UserError */.y(`invalid XML: ${e.message}`, { file, line: parser.line, column: parser.column });
}
/**
 * A copy that does not share memory with the chunk it came from: V8 keeps a substring as a view of
 * its parent string, so a test name kept from every 64 KB chunk would keep the whole file alive.
 */
function own(s) {
    return Buffer.from(s, 'utf8').toString('utf8');
}
function seconds(v) {
    if (v === undefined || v.trim() === '')
        return undefined;
    // Some tools write thousands separators (`1,234.5`).
    const n = Number(v.replace(/,/g, ''));
    return Number.isFinite(n) && n >= 0 ? n : undefined;
}
//# sourceMappingURL=junit.js.map
// EXTERNAL MODULE: ./node_modules/tap-parser/dist/esm/index.js + 15 modules
var esm = __webpack_require__(63415);
;// CONCATENATED MODULE: ./packages/core/lib/test-results/tap.js
// tap-parser is node-tap's own parser: TAP 13 and 14, subtests, YAML diagnostics (through the
// `yaml` library), streaming. Hand-writing TAP's corner cases (pragmas, bail out, buffered
// subtests) would only get them wrong.




/**
 * Reads a TAP stream (TAP 13/14, as node:test, tape, node-tap and bats write it). Subtests nest;
 * a test point is a case of the top-level subtest it sits in (the file's own name for points at the
 * top). A file TAP calls broken (no plan, a plan the points do not match) is a UserError at the
 * line where that became clear.
 */
async function parseTap(stream, file, workspace) {
    const suites = new Map();
    let cases = 0;
    let line = 0;
    let sinceNewline = 0;
    let failure;
    const fail = (message) => {
        failure ??= new lib_errors/* UserError */.y(message, { file, line: Math.max(line, 1) });
    };
    const watch = (p, depth, top) => {
        if (depth > LIMITS.depth)
            fail(`TAP subtests nested deeper than ${LIMITS.depth} levels`);
        p.on('child', (child) => watch(child, depth + 1, top ?? child.name));
        p.on('assert', (r) => {
            // A subtest's closing point sums up its children, which were counted one by one.
            if (r.closingTestPoint)
                return;
            if (++cases > LIMITS.cases)
                fail(`more than ${LIMITS.cases.toLocaleString('en-US')} test points`);
            if (failure)
                return;
            const suiteName = top ?? file;
            let suite = suites.get(suiteName);
            if (!suite)
                suites.set(suiteName, (suite = { name: suiteName, cases: [] }));
            suite.cases.push(testPoint(r, suiteName, workspace));
        });
    };
    const parser = new esm/* Parser */.iX({ passes: true });
    watch(parser, 0, undefined);
    let final;
    parser.on('complete', (r) => {
        final = r;
    });
    // A character's bytes may be split across two chunks: the decoder carries them over.
    const decoder = new TextDecoder('utf-8');
    try {
        for await (const chunk of stream) {
            const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
            for (const piece of s.split('\n').slice(0, -1)) {
                line++;
                if (sinceNewline + piece.length > LIMITS.line)
                    fail(`a line longer than ${LIMITS.line.toLocaleString('en-US')} characters`);
                sinceNewline = 0;
            }
            const tail = s.lastIndexOf('\n');
            sinceNewline += tail < 0 ? s.length : s.length - tail - 1;
            if (sinceNewline > LIMITS.line)
                fail(`a line longer than ${LIMITS.line.toLocaleString('en-US')} characters`);
            if (failure)
                break;
            parser.write(s);
        }
        if (!failure)
            parser.end(decoder.decode());
    }
    finally {
        stream.destroy();
    }
    if (failure)
        throw failure;
    if (!final)
        throw new lib_errors/* UserError */.y('not a TAP file: the stream ended before it was complete', { file, line: Math.max(line, 1) });
    const broken = final.failures.find((f) => f.tapError);
    if (broken)
        throw new lib_errors/* UserError */.y(`invalid TAP: ${broken.tapError}`, { file, line: Math.max(line, 1) });
    if (final.bailout)
        throw new lib_errors/* UserError */.y(`the test run bailed out${typeof final.bailout === 'string' ? `: ${final.bailout}` : ''}`, { file, line: Math.max(line, 1) });
    const plan = final.plan;
    if (!plan || plan.start === undefined || plan.end === undefined || plan.start < 0) {
        throw new lib_errors/* UserError */.y('invalid TAP: no plan (`1..N`), so the run may have stopped early', { file, line: Math.max(line, 1) });
    }
    const planned = plan.end < plan.start ? 0 : plan.end - plan.start + 1;
    if (planned !== final.count) {
        throw new lib_errors/* UserError */.y(`invalid TAP: the plan ${plan.start}..${plan.end} promises ${planned} tests, ${final.count} ran`, { file, line: Math.max(line, 1) });
    }
    return { file, format: 'tap', suites: [...suites.values()] };
}
function testPoint(r, suite, workspace) {
    const diag = (r.diag ?? {});
    const t = {
        suite,
        name: r.fullname || r.name || `#${r.id}`,
        // TODO points that fail are expected to: TAP counts them as passing, we as not run.
        outcome: r.skip || r.todo ? 'skipped' : r.ok ? 'passed' : 'failed',
        flaky: false,
    };
    const ms = typeof diag.duration_ms === 'number' ? diag.duration_ms : typeof r.time === 'number' ? r.time : undefined;
    if (ms !== undefined)
        t.time = ms / 1000;
    if (t.outcome === 'failed') {
        const message = stringOf(diag.message) ?? stringOf(diag.error);
        if (message)
            t.message = message;
        const stack = stringOf(diag.stack);
        if (stack)
            t.details = stack.slice(0, LIMITS.details);
        const at = diag.at;
        const named = stringOf(at?.file) ?? stringOf(diag.file);
        const lineNo = Number(at?.line ?? diag.line);
        const where = named ? insideWorkspace(named, workspace) : undefined;
        if (where && Number.isSafeInteger(lineNo) && lineNo > 0)
            Object.assign(t, { file: where, line: lineNo });
        // node:test writes `location: '/abs/path/x.test.js:8:3'`: read.ts takes it like a traceback.
        else if (stringOf(diag.location))
            t.details = `at ${diag.location}\n${t.details ?? ''}`.trim();
    }
    return t;
}
function stringOf(v) {
    if (typeof v === 'string' && v.trim() !== '')
        return v;
    if (typeof v === 'number')
        return String(v);
    return undefined;
}
//# sourceMappingURL=tap.js.map
;// CONCATENATED MODULE: ./packages/core/lib/test-results/read.js










/**
 * Reads result files (absolute paths inside the workspace): JUnit XML, or TAP for `.tap` files and
 * files that do not start with `<`. A malformed file does not hide the others: it is returned as
 * an error with its place, for the section to show and fail on.
 */
async function readTestResults(files, workspace, input = 'tests') {
    const runs = [];
    const errors = [];
    for (const file of files) {
        const shown = (0,external_node_path_.relative)(workspace, file).split(external_node_path_.sep).join('/');
        try {
            const real = await (0,contained/* containedPath */.fX)(file, { input });
            runs.push(await parseResults(await sniff(real, file), () => (0,external_node_fs_.createReadStream)(real), shown, workspace));
        }
        catch (e) {
            if (!(0,lib_errors/* isUserError */.i)(e))
                throw e;
            errors.push(e.file ? e : new lib_errors/* UserError */.y(e.message, { file: shown }));
        }
    }
    return { runs, errors };
}
/** The base side's copy of a result file (from a baseline source): parsed the same way. */
function parseResultBytes(bytes, file, workspace) {
    const format = (0,external_node_path_.extname)(file) === '.tap' || !startsWithTag(bytes) ? 'tap' : 'junit';
    return parseResults(format, () => external_node_stream_.Readable.from([bytes]), file, workspace);
}
async function parseResults(format, stream, file, workspace) {
    const run = format === 'junit' ? await parseJunit(stream(), file, workspace) : await parseTap(stream(), file, workspace);
    await locateFailures(run, workspace);
    return run;
}
async function firstFile(paths, isFile) {
    for (const p of paths)
        if (await isFile(p))
            return p;
    return undefined;
}
/**
 * A failing test without file and line attributes (pytest's default xunit2, Vitest, Jest), or
 * with attributes that name only its definition (pytest's xunit1), is placed at the innermost
 * frame of its traceback that is a file of the workspace.
 */
async function locateFailures(run, workspace) {
    const known = new Map();
    const isFile = async (path) => {
        if (!known.has(path)) {
            const s = await (0,promises_.stat)((0,external_node_path_.join)(workspace, path)).catch(() => undefined);
            known.set(path, s?.isFile() === true &&
                (await (0,contained/* containedPath */.fX)((0,external_node_path_.join)(workspace, path), { input: 'tests' }).then(() => true, () => false)));
        }
        return known.get(path);
    };
    for (const t of run.suites.flatMap((s) => s.cases)) {
        if ((t.file !== undefined && !t.atDefinition) || !isFailing(t) || !(t.details || t.message))
            continue;
        for (const frame of tracebackFrames(`${t.details ?? ''}\n${t.message ?? ''}`, workspace).slice(0, 50)) {
            const found = await firstFile(pathsBesideClass(frame.file, t.classname), isFile);
            if (found) {
                Object.assign(t, { file: found, line: frame.line });
                delete t.atDefinition;
                break;
            }
        }
    }
}
async function sniff(real, file) {
    if ((0,external_node_path_.extname)(file) === '.tap')
        return 'tap';
    const handle = await (0,promises_.open)(real, 'r');
    try {
        const head = Buffer.alloc(512);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return startsWithTag(head.subarray(0, bytesRead)) ? 'junit' : 'tap';
    }
    finally {
        await handle.close();
    }
}
function startsWithTag(bytes) {
    return /^(?:\uFEFF)?\s*</.test(bytes.subarray(0, 512).toString('utf8'));
}
//# sourceMappingURL=read.js.map
;// CONCATENATED MODULE: ./packages/core/lib/test-results/section.js









/** The name of the test results' stored baseline: apart from compare-metrics' by its prefix. */
function testsBaselineName(patterns) {
    return `tests-${baselineName(patterns)}`;
}
const TESTS_SECTION_ID = 'tests';
/** Failing tests shown with their message; the rest are counted. A comment holds 65,536 characters. */
const SHOWN_FAILURES = 50;
const MESSAGE_CHARS = 500;
const DETAILS_CHARS = 2000;
/**
 * The Tests section: counts per suite, the failing tests first (message, a link to their file and
 * line at the head commit), the diff against the base run when there is one, flaky tests marked.
 * A result file that cannot be read is a failure at its file and line: the report never says pass
 * for tests it could not see.
 */
async function buildTestsSection(o) {
    // No result file (the test command died before writing one) is a failure, not an empty pass.
    const files = await (0,globs/* resolveFiles */.s)(o.patterns, o.workspace, 'tests').catch((e) => {
        if ((0,lib_errors/* isUserError */.i)(e))
            return e;
        throw e;
    });
    const { runs, errors } = Array.isArray(files) ? await readTestResults(files, o.workspace) : { runs: [], errors: [files] };
    const problems = [];
    let diff;
    let baseLabel;
    if (o.baseline && o.baseline.kind !== 'none') {
        const head = runs.map((r) => r.file);
        // A baseline that cannot be found is said in the section; it never hides this run's results.
        const opened = await openBaseline(o.baseline, { ...o.services, workspace: o.workspace, headMetrics: head, name: testsBaselineName(o.patterns) }).catch((e) => {
            if (!(0,lib_errors/* isUserError */.i)(e))
                throw e;
            const message = e.message.replace(/^input "baseline"/, 'input "tests-baseline"');
            problems.push({ severity: 'warning', title: 'No baseline for the test results', message });
            return { label: message, source: undefined };
        });
        baseLabel = opened.label;
        if (opened.source) {
            const base = [];
            for (const file of head) {
                const bytes = await opened.source.read(file);
                if (!bytes)
                    continue;
                try {
                    base.push(await parseResultBytes(bytes, file, o.workspace));
                }
                catch (e) {
                    // The base run's file is history, not this change's fault: compared as missing.
                    problems.push({
                        severity: 'warning',
                        title: 'Baseline test results skipped',
                        message: `the baseline's ${file} (${opened.label}) cannot be read: ${e.message}`,
                    });
                }
            }
            if (base.length > 0)
                diff = diffRuns(runs, base);
            else
                baseLabel = `${opened.label} holds none of the result files`;
        }
    }
    if (o.save) {
        const stored = await storeBaseline(o.save.as, {
            ...o.save,
            workspace: o.workspace,
            name: testsBaselineName(o.patterns),
            files: runs.map((r) => r.file),
            // Failing tests are the base's truth (a later "still failing" needs them); unreadable files are not.
            passed: errors.length === 0,
        });
        if (o.save.as.kind !== 'none')
            problems.push({ severity: 'notice', message: `Test results: ${stored.message}` });
    }
    const all = runs.flatMap((r) => r.suites.flatMap((s) => s.cases));
    const counts = countCases(all);
    const failing = all.filter(isFailing);
    const status = errors.length > 0 ? 'fail' : failing.length > 0 ? (o.failOn === 'failure' ? 'fail' : 'warn') : counts.tests === 0 ? 'warn' : 'pass';
    const markdown = [
        ...errors.map((e) => (e.file ? `❌ ${(0,section_escape/* codeSpan */.SS)(placeOf(e))} cannot be read as test results: ${(0,section_escape/* escapeText */.X1)(e.message)}` : `❌ ${(0,section_escape/* escapeText */.X1)(e.message)}`)),
        counts.tests > 0 || errors.length === 0 ? headline(counts, runs) : '',
        suiteTable(runs),
        failingList(failing, diff, o.links),
        diff ? diffList(diff, baseLabel) : baseLabel ? `<sub>No baseline: ${(0,section_escape/* escapeText */.X1)(baseLabel)}.</sub>` : '',
        flakyList(all.filter((t) => t.flaky)),
    ].filter((s) => s !== '');
    const annotations = failing
        .filter((t) => t.file && t.line)
        .map((t) => ({
        severity: o.failOn === 'failure' ? 'error' : 'warning',
        title: `Test ${t.outcome === 'error' ? 'error' : 'failed'}: ${displayName(t)}`,
        message: trimmed(t.message ?? t.details ?? 'failed', MESSAGE_CHARS),
        file: t.file,
        line: t.line,
    }));
    for (const e of errors) {
        annotations.push({
            severity: 'error',
            title: 'Test results unreadable',
            message: e.message,
            ...(e.file ? { file: e.file, line: e.line, column: e.column } : {}),
        });
    }
    return {
        section: {
            action: 'tests',
            id: TESTS_SECTION_ID,
            stage: 'tests',
            title: 'Tests',
            status,
            summary: summaryLine(counts, errors.length, diff),
            markdown: markdown.join('\n\n'),
            data: { counts, files: runs.map((r) => r.file), errors: errors.map((e) => ({ file: e.file, line: e.line, message: e.message })) },
        },
        annotations,
        problems,
        counts,
        diff,
    };
}
function headline(c, runs) {
    const time = runs.flatMap((r) => r.suites).reduce((s, x) => s + (x.time ?? 0), 0);
    return `**${c.tests} tests**: ${parts(c).join(', ')} · ${formatSeconds(time)}`;
}
function parts(c) {
    const p = [`${c.passed} passed`];
    if (c.failed)
        p.push(`${c.failed} failed`);
    if (c.errors)
        p.push(`${c.errors} error${c.errors === 1 ? '' : 's'}`);
    if (c.skipped)
        p.push(`${c.skipped} skipped`);
    if (c.flaky)
        p.push(`${c.flaky} flaky`);
    return p;
}
function summaryLine(c, unreadable, diff) {
    const bits = unreadable ? [`${unreadable} result file(s) unreadable`] : [];
    if (c.tests > 0 || !unreadable)
        bits.push(`${c.tests} tests: ${parts(c).join(', ')}`);
    if (diff?.newlyFailing.length)
        bits.push(`${diff.newlyFailing.length} newly failing`);
    return bits.join('; ');
}
function suiteTable(runs) {
    const suites = runs.flatMap((r) => r.suites).filter((s) => s.cases.length > 0);
    if (suites.length === 0)
        return '';
    const rows = suites.map((s) => {
        const c = countCases(s.cases);
        return [(0,section_escape/* escapeText */.X1)(s.name), String(c.passed), String(c.failed), String(c.errors), String(c.skipped), formatSeconds(s.time ?? 0)];
    });
    return (0,section_escape/* table */.tp)(['Suite', 'Passed', 'Failed', 'Errors', 'Skipped', 'Time'], rows, ['l', 'r', 'r', 'r', 'r', 'r']);
}
function failingList(failing, diff, links) {
    if (failing.length === 0)
        return '';
    const fresh = new Set((diff?.newlyFailing ?? []).map(testKey));
    // Newly failing first: they are what this change did.
    const ordered = [...failing].sort((a, b) => Number(fresh.has(testKey(b))) - Number(fresh.has(testKey(a))));
    const items = ordered.slice(0, SHOWN_FAILURES).map((t) => {
        const where = t.file ? ` — ${locationLink(t, links)}` : '';
        const tag = diff ? (fresh.has(testKey(t)) ? ' _(newly failing)_' : ' _(still failing)_') : '';
        const lines = [`- ❌ **${(0,section_escape/* escapeText */.X1)(displayName(t))}**${where}${tag}`];
        if (t.message)
            lines.push(`  > ${(0,section_escape/* escapeText */.X1)(trimmed(t.message, MESSAGE_CHARS))}`);
        if (t.details)
            lines.push('', indent(`<details><summary>Output</summary>\n\n${fenced(trimmed(t.details, DETAILS_CHARS))}\n\n</details>`));
        return lines.join('\n');
    });
    const more = failing.length > SHOWN_FAILURES ? `\n\n_and ${failing.length - SHOWN_FAILURES} more failing tests_` : '';
    return `#### Failing\n\n${items.join('\n')}${more}`;
}
function diffList(d, label) {
    const line = (what, ts) => `- ${what}: ${ts.length}${ts.length
        ? ` — ${ts
            .slice(0, 20)
            .map((t) => (0,section_escape/* escapeText */.X1)(displayName(t)))
            .join(', ')}${ts.length > 20 ? ', …' : ''}`
        : ''}`;
    return [
        `#### Against the base run`,
        '',
        line('Newly failing', d.newlyFailing),
        line('Newly passing', d.newlyPassing),
        line('Still failing', d.stillFailing),
        '',
        `<sub>Baseline: ${(0,section_escape/* escapeText */.X1)(label)}.</sub>`,
    ].join('\n');
}
function flakyList(flaky) {
    if (flaky.length === 0)
        return '';
    return `#### Flaky\n\n${flaky.map((t) => `- ⚠️ **${(0,section_escape/* escapeText */.X1)(displayName(t))}** — failed, then passed on a retry`).join('\n')}`;
}
function locationLink(t, links) {
    const text = (0,section_escape/* escapeText */.X1)(`${t.file}:${t.line ?? ''}`.replace(/:$/, ''));
    if (!links)
        return text;
    const path = t.file.split('/').map(encodeURIComponent).join('/');
    return `[${text}](${links.serverUrl}/${links.repo.owner}/${links.repo.repo}/blob/${links.sha}/${path}${t.line ? `#L${t.line}` : ''})`;
}
function displayName(t) {
    return t.classname && !t.name.startsWith(t.classname) ? `${t.classname}.${t.name}` : t.name;
}
function placeOf(e) {
    return [e.file, e.line, e.column].filter((x) => x !== undefined).join(':');
}
function trimmed(s, max) {
    const t = s.trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
function fenced(s) {
    const longest = Math.max(2, ...(s.match(/`{3,}|~{3,}/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}text\n${s}\n${fence}`;
}
function indent(s) {
    return s
        .split('\n')
        .map((l) => (l === '' ? l : `  ${l}`))
        .join('\n');
}
function formatSeconds(s) {
    return s < 10 ? `${s.toFixed(2)} s` : s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
//# sourceMappingURL=section.js.map

/***/ })

};
