import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from './server.js';

const Client = Octokit.plugin(paginateRest, restEndpointMethods);
type Client = InstanceType<typeof Client>;

const REPO = 'acme/churn';
const owner = 'acme';
const repo = 'churn';
const HEAD = 'a'.repeat(40);
const BOT = 'ghs_job_token';
const READ_ONLY = 'ghs_fork_token';
const PERSON = 'ghp_person_token';
// The pipeline DESIGN.md shows: `permissions: { contents: read, pull-requests: write }`.
const NO_CONTENTS = 'ghs_pr_only_token';

// A 1x1 PNG: the kind of bytes the report publishes through the Git Data API.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let gh: GitHubServer;
const client = (token: string, o: object = {}): Client => new Client({ auth: token, baseUrl: gh.url, ...o });

beforeAll(async () => {
  gh = await startGitHubServer();
  gh.addRepo(REPO);
  gh.addToken(BOT, { login: 'github-actions[bot]', installation: true });
  gh.addToken(READ_ONLY, { login: 'github-actions[bot]', installation: true, write: false });
  gh.addToken(PERSON, { login: 'octocat' });
  gh.addToken(NO_CONTENTS, { login: 'github-actions[bot]', installation: true, permissions: { contents: 'read', 'pull-requests': 'write' } });
  gh.addPull(REPO, { number: 1, headSha: HEAD, headRef: 'feature', title: 'Tune the model' });
  gh.addPull(REPO, { number: 2, headSha: 'b'.repeat(40), state: 'closed' });
  gh.addPull(REPO, { number: 3, headSha: 'c'.repeat(40) });
  gh.addIssue(REPO, { number: 4, title: 'Drift' });
});

afterAll(() => gh.close());

// Every answer the server gave must have matched GitHub's description, and every request too.
afterEach(() => {
  expect(gh.violations.splice(0)).toEqual([]);
});

describe('issue comments', () => {
  it('creates comments as the token bot, and octokit paginate walks 250 of them in order', async () => {
    const api = client(BOT);
    for (let i = 0; i < 250; i++) {
      await api.rest.issues.createComment({ owner, repo, issue_number: 3, body: `comment ${i}` });
    }
    const first = await api.rest.issues.listComments({ owner, repo, issue_number: 3, per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toContain(`<${gh.url}/repos/${owner}/${repo}/issues/3/comments?per_page=100&page=2>; rel="next"`);
    expect(first.headers.link).toContain('page=3>; rel="last"');

    const all = await api.paginate(api.rest.issues.listComments, { owner, repo, issue_number: 3, per_page: 100 });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
    const byDefault = await api.rest.issues.listComments({ owner, repo, issue_number: 3 });
    expect(byDefault.data).toHaveLength(30);

    const stored = gh.comments(REPO, 3);
    expect(stored).toHaveLength(250);
    expect(stored[0].user).toEqual({ login: 'github-actions[bot]', type: 'Bot' });
    expect(all[0].user?.type).toBe('Bot');
    expect(all[0].html_url).toBe(`https://github.com/${REPO}/pull/3#issuecomment-${all[0].id}`);
    expect(all[0].node_id).toMatch(/^IC_/);
  });

  it("refuses bodies over 65,536 characters with GitHub's Validation Failed answer, on create and update", async () => {
    const api = client(BOT);
    const ok = await api.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x'.repeat(65_536) });
    expect(ok.status).toBe(201);

    const tooLong = 'x'.repeat(65_537);
    const created = await api.rest.issues.createComment({ owner, repo, issue_number: 1, body: tooLong }).catch((e: any) => e);
    expect(created.status).toBe(422);
    expect(created.response.data.message).toBe('Validation Failed');
    expect(created.response.data.errors[0].message).toBe('body is too long (maximum is 65536 characters)');

    const updated = await api.rest.issues.updateComment({ owner, repo, comment_id: ok.data.id, body: tooLong }).catch((e: any) => e);
    expect(updated.status).toBe(422);
    expect(gh.comments(REPO, 1).find((c) => c.id === ok.data.id)?.body).toHaveLength(65_536);
  });

  it("updates and deletes comments, including somebody else's, as GitHub lets collaborators do", async () => {
    const api = client(BOT);
    const theirs = gh.addComment(REPO, 4, 'written by a person', 'octocat');
    const edited = await api.rest.issues.updateComment({ owner, repo, comment_id: theirs.id, body: 'edited' });
    expect(edited.data.body).toBe('edited');
    expect(edited.data.html_url).toContain(`/issues/4#issuecomment-${theirs.id}`);
    await api.rest.issues.deleteComment({ owner, repo, comment_id: theirs.id });
    expect(gh.comments(REPO, 4)).toEqual([]);
    const gone = await api.rest.issues.getComment({ owner, repo, comment_id: theirs.id }).catch((e: any) => e);
    expect(gone.status).toBe(404);
  });

  it('answers 404 for a comment on an issue that does not exist', async () => {
    const e = await client(BOT)
      .rest.issues.createComment({ owner, repo, issue_number: 99, body: 'x' })
      .catch((x: any) => x);
    expect(e.status).toBe(404);
  });
});

describe('tokens', () => {
  it('refuses every write of a read-only token with "Resource not accessible by integration"', async () => {
    const api = client(READ_ONLY);
    const before = gh.comments(REPO, 1).length;
    const e = await api.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'hi' }).catch((x: any) => x);
    expect(e.status).toBe(403);
    expect(e.response.data.message).toBe('Resource not accessible by integration');
    const check = await api.rest.checks.create({ owner, repo, name: 'mlci', head_sha: HEAD }).catch((x: any) => x);
    expect(check.status).toBe(403);
    expect(gh.comments(REPO, 1)).toHaveLength(before);
    // Reads still work.
    expect((await api.rest.pulls.get({ owner, repo, pull_number: 1 })).data.head.sha).toBe(HEAD);
  });

  it('lets `permissions: { contents: read, pull-requests: write }` comment but not publish git objects', async () => {
    const api = client(NO_CONTENTS);
    expect((await api.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'report' })).status).toBe(201);
    const blob = await api.rest.git.createBlob({ owner, repo, content: 'x' }).catch((x: any) => x);
    expect(blob.status).toBe(403);
    expect(blob.response.data.message).toBe('Resource not accessible by integration');
    const check = await api.rest.checks.create({ owner, repo, name: 'mlci', head_sha: HEAD }).catch((x: any) => x);
    expect(check.status).toBe(201);
  });

  it('answers GET /user with 403 for an installation token, the user for a person, 401 for a stranger', async () => {
    const e = await client(BOT)
      .rest.users.getAuthenticated()
      .catch((x: any) => x);
    expect(e.status).toBe(403);
    expect(e.response.data.message).toBe('Resource not accessible by integration');
    expect((await client(PERSON).rest.users.getAuthenticated()).data.login).toBe('octocat');
    const stranger = await client('ghs_unknown')
      .rest.repos.get({ owner, repo })
      .catch((x: any) => x);
    expect(stranger.status).toBe(401);
    const anonymous = await new Client({ baseUrl: gh.url }).rest.repos.get({ owner, repo }).catch((x: any) => x);
    expect(anonymous.status).toBe(401);
  });
});

describe('graphql', () => {
  it('tells the job token its login through viewer', async () => {
    const r = await client(BOT).graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(r.viewer.login).toBe('github-actions[bot]');
  });

  it('minimizes a comment by node id, and refuses a read-only token with FORBIDDEN', async () => {
    const c = gh.addComment(REPO, 1, 'an older report', 'github-actions[bot]');
    const mutation = `mutation($id: ID!) {
      minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized minimizedReason } }
    }`;
    const denied = await client(READ_ONLY)
      .graphql<any>(mutation, { id: c.node_id })
      .catch((x: any) => x);
    expect(denied.errors[0].type).toBe('FORBIDDEN');
    expect(gh.comments(REPO, 1).find((x) => x.id === c.id)?.isMinimized).toBe(false);

    const r = await client(BOT).graphql<any>(mutation, { id: c.node_id });
    expect(r.minimizeComment.minimizedComment).toEqual({ isMinimized: true, minimizedReason: 'outdated' });
    expect(gh.comments(REPO, 1).find((x) => x.id === c.id)).toMatchObject({ isMinimized: true, minimizedReason: 'outdated' });
  });

  it('answers a query it does not model with an error and a violation', async () => {
    const e = await client(BOT)
      .graphql<any>('{ repository(owner: "acme", name: "churn") { id } }')
      .catch((x: any) => x);
    expect(e.errors[0].message).toContain("Field 'repository' doesn't exist");
    expect(gh.violations).toHaveLength(1);
    gh.violations.length = 0;
  });
});

describe('faults', () => {
  it('answers an injected 502 once, after which a retrying client gets through', async () => {
    const api = new (Client.plugin(retry))({ auth: BOT, baseUrl: gh.url, retry: { retryAfterBaseValue: 1 } });
    gh.serverError(502, '/repos/{owner}/{repo}/pulls/{pull_number}');
    const r = await api.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(r.status).toBe(200);
    const tail = gh.requests.filter((x) => x.operationId === 'pulls/get').slice(-2);
    expect(tail.map((x) => x.status)).toEqual([502, 200]);
  });

  it('sends secondary and primary rate limits with retry headers that plugin-throttling obeys', async () => {
    const seen: string[] = [];
    const api = new (Client.plugin(throttling))({
      auth: BOT,
      baseUrl: gh.url,
      throttle: {
        retryAfterBaseValue: 1,
        onSecondaryRateLimit: (after: number) => (seen.push(`secondary ${after}`), true),
        onRateLimit: (_after: number) => (seen.push('primary'), true),
      },
    });
    gh.secondaryRateLimit(`/repos/${REPO}`);
    gh.rateLimit429(`/repos/${REPO}`);
    const r = await api.rest.repos.get({ owner, repo });
    expect(r.data.full_name).toBe(REPO);
    expect(seen).toEqual(['secondary 1', 'primary']);
  });

  it('delays an answer and counts `times`', async () => {
    gh.inject({ method: 'GET', path: /\/pulls\/1$/, status: 500, times: 2 });
    const api = client(BOT);
    for (let i = 0; i < 2; i++) expect((await api.rest.pulls.get({ owner, repo, pull_number: 1 }).catch((x: any) => x)).status).toBe(500);
    expect((await api.rest.pulls.get({ owner, repo, pull_number: 1 })).status).toBe(200);
    gh.slow(20, `/repos/${REPO}`);
    expect((await api.rest.repos.get({ owner, repo })).status).toBe(200);
  });

  it('applies a write and then answers 502, as when the answer is lost on the way back', async () => {
    const api = client(BOT);
    gh.lostAnswer('POST', `/repos/${REPO}/issues/4/comments`);
    const before = gh.comments(REPO, 4).length;
    const e = await api.rest.issues.createComment({ owner, repo, issue_number: 4, body: 'lost' }).catch((x: any) => x);
    expect(e.status).toBe(502);
    expect(
      gh
        .comments(REPO, 4)
        .map((c) => c.body)
        .slice(before),
    ).toEqual(['lost']);
  });

  it('never answers a hung request, and holds one until the test lets it go', async () => {
    gh.hang(`/repos/${REPO}/pulls/3`);
    const hung = await client(BOT, { request: { signal: AbortSignal.timeout(200) } })
      .rest.pulls.get({ owner, repo, pull_number: 3 })
      .catch((x: any) => x);
    expect(String(hung.message)).toMatch(/timeout|abort/i);
    expect(gh.requests.filter((q) => q.path === `/repos/${REPO}/pulls/3`).map((q) => q.status)).toEqual([0]);

    let release!: () => void;
    const order: string[] = [];
    gh.inject({ method: 'GET', path: `/repos/${REPO}/pulls/3`, hold: () => new Promise<void>((r) => (release = () => (order.push('released'), r()))) });
    const held = client(BOT)
      .rest.pulls.get({ owner, repo, pull_number: 3 })
      .then((r) => (order.push('answered'), r));
    while (!release) await new Promise((r) => setImmediate(r));
    order.push('acting');
    release();
    expect((await held).status).toBe(200);
    expect(order).toEqual(['acting', 'released', 'answered']);
  });
});

describe('validation', () => {
  it('turns malformed requests into violations and 422s', async () => {
    const api = client(BOT);
    const noName = await api.request('POST /repos/{owner}/{repo}/check-runs', { owner, repo, head_sha: HEAD } as any).catch((x: any) => x);
    expect(noName.status).toBe(422);
    const badPage = await api
      .request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: 1, per_page: 'x' } as any)
      .catch((x: any) => x);
    expect(badPage.status).toBe(422);
    expect(gh.violations).toHaveLength(2);
    expect(gh.violations[0]).toMatch(/^checks\/create request: body must have required property 'name'/);
    expect(gh.violations[1]).toMatch(/^issues\/list-comments request: query parameters\/per_page must be integer/);
    gh.violations.length = 0;
  });

  it('answers 404 to endpoints it does not know, naming the operation when GitHub has one', async () => {
    const api = client(BOT);
    expect((await api.request('GET /repos/{owner}/{repo}/branches', { owner, repo }).catch((x: any) => x)).status).toBe(404);
    expect((await api.request('GET /nowhere').catch((x: any) => x)).status).toBe(404);
    expect(gh.violations).toEqual([
      'GET /repos/acme/churn/branches: repos/list-branches is not implemented by the loopback GitHub (add it with route())',
      "GET /nowhere: no such endpoint in GitHub's description",
    ]);
    gh.violations.length = 0;
  });

  it('validates routes added by tests like its own, answers included', async () => {
    gh.route('GET', '/repos/{owner}/{repo}/topics', (req) => ({ status: 200, body: { topics: [req.params.repo] } }));
    const r = await client(BOT).request('GET /repos/{owner}/{repo}/topics', { owner, repo });
    expect((r.data as { topics?: string[] }).topics).toEqual([repo]);
    expect(gh.violations).toEqual(['repos/get-all-topics response: response 200 must have required property \'names\' {"missingProperty":"names"}']);
    gh.violations.length = 0;
  });
});

describe('pull requests, runs, contents', () => {
  it('serves pulls, the pulls of a commit, the repository and a workflow run', async () => {
    const api = client(BOT);
    const open = await api.rest.pulls.list({ owner, repo });
    expect(open.data.map((p) => p.number)).toEqual([3, 1]);
    const all = await api.rest.pulls.list({ owner, repo, state: 'all' });
    expect(all.data.map((p) => p.number)).toEqual([3, 2, 1]);
    gh.associateCommit(REPO, 'd'.repeat(40), [1]);
    const ofCommit = await api.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: 'd'.repeat(40) });
    expect(ofCommit.data.map((p) => p.number)).toEqual([1]);
    const pr = await api.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(pr.data).toMatchObject({ title: 'Tune the model', head: { ref: 'feature', sha: HEAD }, base: { ref: 'main' } });
    expect((await api.rest.repos.get({ owner, repo })).data.default_branch).toBe('main');

    gh.addWorkflowRun(REPO, { id: 42, headSha: HEAD, pullRequests: [1] });
    const run = await api.rest.actions.getWorkflowRun({ owner, repo, run_id: 42 });
    expect(run.data.pull_requests?.map((p) => p.number)).toEqual([1]);
  });

  it('serves seeded files through the contents endpoint, by ref', async () => {
    gh.addFile(REPO, 'main', 'metrics.json', '{"auc": 0.91}');
    gh.addFile(REPO, 'main', 'data/schema.yml', 'columns: []');
    const api = client(BOT);
    const file = await api.rest.repos.getContent({ owner, repo, path: 'metrics.json', ref: 'main' });
    expect(Buffer.from((file.data as { content: string }).content, 'base64').toString()).toBe('{"auc": 0.91}');
    const nested = await api.rest.repos.getContent({ owner, repo, path: 'data/schema.yml' });
    expect((nested.data as { path: string }).path).toBe('data/schema.yml');
    const missing = await api.rest.repos.getContent({ owner, repo, path: 'metrics.json', ref: 'other' }).catch((x: any) => x);
    expect(missing.status).toBe(404);
  });
});

describe('check runs and commit comments', () => {
  it('creates, completes and lists check runs, and refuses an oversized summary', async () => {
    const api = client(BOT);
    const created = await api.rest.checks.create({ owner, repo, name: 'mlci', head_sha: HEAD, status: 'in_progress' });
    await api.rest.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: 'success',
      output: {
        title: 'Metrics',
        summary: 'AUC up',
        annotations: [{ path: 'metrics.json', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'ok' }],
      },
    });
    const list = await api.rest.checks.listForRef({ owner, repo, ref: HEAD });
    expect(list.data.total_count).toBe(1);
    expect(list.data.check_runs[0]).toMatchObject({
      name: 'mlci',
      status: 'completed',
      conclusion: 'success',
      output: { summary: 'AUC up', annotations_count: 1 },
    });
    expect(list.data.check_runs[0].pull_requests.map((p) => p.number)).toEqual([1]);
    expect(gh.checkRuns(REPO).find((c) => c.id === created.data.id)?.output.annotations).toHaveLength(1);

    const big = await api.rest.checks
      .create({ owner, repo, name: 'big', head_sha: HEAD, output: { title: 't', summary: 'x'.repeat(65_536) } })
      .catch((x: any) => x);
    expect(big.status).toBe(422);
    expect(big.response.data.message).toContain('Only 65535 characters are allowed; 65536 were supplied.');
    // The description sets the limit, so a client that sends more is at fault: a violation too.
    expect(gh.violations.splice(0)).toEqual(['checks/create request: body/output/summary: Only 65535 characters are allowed; 65536 were supplied.']);
  });

  it('keeps commit comments per sha', async () => {
    const api = client(BOT);
    const c = await api.rest.repos.createCommitComment({ owner, repo, commit_sha: HEAD, body: 'report' });
    expect(c.data.html_url).toBe(`https://github.com/${REPO}/commit/${HEAD}#commitcomment-${c.data.id}`);
    const listed = await api.rest.repos.listCommentsForCommit({ owner, repo, commit_sha: HEAD });
    expect(listed.data.map((x) => x.body)).toEqual(['report']);
    await api.rest.repos.updateCommitComment({ owner, repo, comment_id: c.data.id, body: 'report v2' });
    expect(gh.commitComments(REPO, HEAD).map((x) => x.body)).toEqual(['report v2']);
    await api.rest.repos.deleteCommitComment({ owner, repo, comment_id: c.data.id });
    expect(gh.commitComments(REPO, HEAD)).toEqual([]);
  });
});

describe('git data', () => {
  it('publishes an image on a branch: blob, tree, commit, ref, fast-forward, and refuses a rewind', async () => {
    const api = client(BOT);
    const blob = await api.rest.git.createBlob({ owner, repo, content: PNG.toString('base64'), encoding: 'base64' });
    // The sha git itself gives these bytes.
    expect(blob.data.sha).toBe((await import('node:crypto')).createHash('sha1').update(`blob ${PNG.length}\0`).update(PNG).digest('hex'));
    const tree = await api.rest.git.createTree({ owner, repo, tree: [{ path: 'images/chart.png', mode: '100644', type: 'blob', sha: blob.data.sha }] });
    const first = await api.rest.git.createCommit({ owner, repo, message: 'report images', tree: tree.data.sha, parents: [] });
    await api.rest.git.createRef({ owner, repo, ref: 'refs/heads/mlci-images', sha: first.data.sha });

    const ref = await api.rest.git.getRef({ owner, repo, ref: 'heads/mlci-images' });
    expect(ref.data.object.sha).toBe(first.data.sha);
    expect(gh.requests.at(-1)).toMatchObject({ method: 'GET', path: `/repos/${REPO}/git/ref/heads/mlci-images`, status: 200, operationId: 'git/get-ref' });
    const head = await api.rest.git.getCommit({ owner, repo, commit_sha: ref.data.object.sha });
    expect(head.data.tree.sha).toBe(tree.data.sha);

    const raw = await fetch(gh.rawUrl(REPO, first.data.sha, 'images/chart.png'));
    expect(raw.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(PNG);
    const asLinked = await fetch(`${gh.origin}/${REPO}/blob/${first.data.sha}/images/chart.png?raw=true`);
    expect(Buffer.from(await asLinked.arrayBuffer())).toEqual(PNG);

    const text = await api.rest.git.createBlob({ owner, repo, content: '<svg/>', encoding: 'utf-8' });
    const tree2 = await api.rest.git.createTree({
      owner,
      repo,
      base_tree: tree.data.sha,
      tree: [{ path: 'images/chart.svg', mode: '100644', type: 'blob', sha: text.data.sha }],
    });
    const second = await api.rest.git.createCommit({ owner, repo, message: 'more', tree: tree2.data.sha, parents: [first.data.sha] });
    await api.rest.git.updateRef({ owner, repo, ref: 'heads/mlci-images', sha: second.data.sha, force: false });
    const listing = await api.rest.git.getTree({ owner, repo, tree_sha: tree2.data.sha, recursive: 'true' });
    expect(listing.data.tree.map((e) => e.path)).toEqual(['images', 'images/chart.png', 'images/chart.svg']);

    const rewind = await api.rest.git.updateRef({ owner, repo, ref: 'heads/mlci-images', sha: first.data.sha, force: false }).catch((x: any) => x);
    expect(rewind.status).toBe(422);
    expect(rewind.response.data.message).toBe('Update is not a fast forward');
    expect(gh.refs(REPO)['refs/heads/mlci-images']).toBe(second.data.sha);
    await api.rest.git.updateRef({ owner, repo, ref: 'heads/mlci-images', sha: first.data.sha, force: true });
    expect(gh.refs(REPO)['refs/heads/mlci-images']).toBe(first.data.sha);
    expect(gh.gitObject(REPO, second.data.sha)).toMatchObject({ type: 'commit', parents: [first.data.sha], message: 'more' });

    const again = await api.rest.git.createRef({ owner, repo, ref: 'refs/heads/mlci-images', sha: second.data.sha }).catch((x: any) => x);
    expect(again.status).toBe(422);
  });
});

describe('releases', () => {
  it('creates a release, uploads an asset through upload_url, and serves its bytes', async () => {
    const api = client(BOT);
    const rel = await api.rest.repos.createRelease({ owner, repo, tag_name: 'model-v1', name: 'churn model v1' });
    expect(rel.data.upload_url).toBe(`${gh.uploadsUrl}/repos/${REPO}/releases/${rel.data.id}/assets{?name,label}`);
    const bytes = Buffer.from('weights');
    const asset = await api.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: rel.data.id,
      name: 'model.onnx',
      data: bytes as unknown as string,
      url: rel.data.upload_url,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(asset.data).toMatchObject({ name: 'model.onnx', size: bytes.length, state: 'uploaded' });
    expect((await api.rest.repos.getReleaseByTag({ owner, repo, tag: 'model-v1' })).data.assets.map((a) => a.name)).toEqual(['model.onnx']);
    expect((await api.rest.repos.getLatestRelease({ owner, repo })).data.id).toBe(rel.data.id);
    const download = await fetch(`${gh.origin}/${REPO}/releases/download/model-v1/model.onnx`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect(gh.releases(REPO)[0].assets[0].content).toEqual(bytes);

    const twice = await api.rest.repos.createRelease({ owner, repo, tag_name: 'model-v1' }).catch((x: any) => x);
    expect(twice.status).toBe(422);
  });

  it('refuses an upload sent to the API host instead of upload_url', async () => {
    const api = client(BOT);
    const rel = await api.rest.repos.createRelease({ owner, repo, tag_name: 'model-v2' });
    // A client that builds the upload URL from its API base instead of the release's upload_url.
    const e = await api
      .request('POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}', {
        owner,
        repo,
        release_id: rel.data.id,
        name: 'm.bin',
        data: 'x',
        headers: { 'content-type': 'application/octet-stream' },
      })
      .catch((x: any) => x);
    expect(e.status).toBe(404);
    expect(gh.violations.splice(0)).toEqual(["repos/upload-release-asset: sent to the API host; uploads go to the release's upload_url"]);
  });
});

describe('GitHub Enterprise prefix', () => {
  let ghes: GitHubServer;
  beforeAll(async () => {
    ghes = await startGitHubServer({ prefix: '/api/v3' });
    ghes.addRepo(REPO);
    ghes.addToken(BOT, { login: 'github-actions[bot]', installation: true });
    ghes.addPull(REPO, { number: 7, headSha: HEAD });
  });
  afterAll(() => ghes.close());

  it('serves the API under /api/v3 and GraphQL at /api/graphql, with Link headers under the prefix', async () => {
    expect(ghes.url).toBe(`${ghes.origin}/api/v3`);
    expect(ghes.graphqlUrl).toBe(`${ghes.origin}/api/graphql`);
    const api = new Client({ auth: BOT, baseUrl: ghes.url });
    for (let i = 0; i < 3; i++) await api.rest.issues.createComment({ owner, repo, issue_number: 7, body: `c${i}` });
    const page = await api.rest.issues.listComments({ owner, repo, issue_number: 7, per_page: 2 });
    expect(page.headers.link).toContain(`<${ghes.origin}/api/v3/repos/${REPO}/issues/7/comments?per_page=2&page=2>; rel="next"`);
    expect(await api.paginate(api.rest.issues.listComments, { owner, repo, issue_number: 7, per_page: 2 })).toHaveLength(3);
    const r = await api.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(r.viewer.login).toBe('github-actions[bot]');
    expect(ghes.requests.at(-1)).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
    expect(ghes.violations).toEqual([]);
  });
});
