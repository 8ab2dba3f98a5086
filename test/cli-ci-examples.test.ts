// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell variables, not JS templates
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useGitHub } from './support/loopback.js';
import { packCli, type PackedCli } from './support/packed-cli.js';
import { ROOT } from './support/runner.js';
import { collect, type Spawned } from './support/spawned.js';

/**
 * The CI examples cannot rot: the exact `mlci ...` lines of examples/ci/Jenkinsfile,
 * .gitlab-ci.yml and run.sh (read from the files, never copied here) run with the packed CLI on
 * PATH, in a CI-shaped environment, on a git repository laid out as the examples expect (main
 * with its data, params and metrics; a change on top), against the loopback GitHub.
 */

const CI = join(ROOT, 'examples/ci');
const REPO = 'octo/penguins';
const TOKEN = 'ghp_ci_examples_token_0123456789';
const PR = 5;

/** The mlci command lines of each example, as the file has them. */
async function commandsOf(file: string): Promise<string[]> {
  const text = await readFile(join(CI, file), 'utf8');
  if (file === 'Jenkinsfile') return [...text.matchAll(/\bsh\s+'(mlci [^']*)'/g)].map((m) => m[1]);
  if (file === '.gitlab-ci.yml') {
    const job = parse(text).ml;
    return [...job.script, ...job.after_script].filter((l: string) => l.startsWith('mlci '));
  }
  // run.sh: the mlci lines without the script's own bookkeeping of the exit status.
  return text
    .split('\n')
    .filter((l) => l.startsWith('mlci '))
    .map((l) => l.replace(/ \|\| status=\$\?$/, ''));
}

const EXAMPLES = ['Jenkinsfile', '.gitlab-ci.yml', 'run.sh'];

let packed: PackedCli;
let repo: string;
let head: string;
let home: string;

function sh(cmd: string, cwd: string, env: Record<string, string> = {}): Promise<Spawned> {
  const path = `${packed.binDir}:${process.env.PATH ?? ''}`;
  return collect(spawn('bash', ['-c', cmd], { cwd, env: { PATH: path, HOME: home, ...env } }));
}

async function git(args: string): Promise<string> {
  const r = await sh(`git -c user.name=ml -c user.email=ml@example.com -c init.defaultBranch=main ${args}`, repo);
  if (r.code !== 0) throw new Error(`git ${args}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A repository as the examples expect it: main trained and committed its metrics; the change brings new data and params. */
async function makeRepo(): Promise<void> {
  repo = await mkdtemp(join(tmpdir(), 'mlci-ci-repo-'));
  home = await mkdtemp(join(tmpdir(), 'mlci-ci-home-'));
  const penguins = join(ROOT, 'examples/penguins');
  for (const f of ['train.mjs', 'schema.yml', 'gates.yml', 'plots.yml']) await cp(join(penguins, f), join(repo, f));
  await cp(join(penguins, 'base/penguins.csv'), join(repo, 'data/penguins.csv'));
  await cp(join(penguins, 'base/params.yaml'), join(repo, 'params.yaml'));
  await writeFile(join(repo, '.gitignore'), '.mlci/\nmlci-report/\n');
  await git('init -q');
  const trained = await sh('node train.mjs --data data/penguins.csv --params params.yaml --out eval', repo);
  expect(trained.code, trained.stderr).toBe(0);
  await git('add -A');
  await git('commit -qm main');
  await git('checkout -qb feature');
  await cp(join(penguins, 'data/penguins.csv'), join(repo, 'data/penguins.csv'));
  await cp(join(penguins, 'params.yaml'), join(repo, 'params.yaml'));
  await git('commit -qam change');
  head = await git('rev-parse HEAD');
}

const gh = useGitHub({ repo: REPO, token: TOKEN, login: 'mlci-bot', write: true });

beforeAll(async () => {
  packed = await packCli();
  await makeRepo();
  gh.addPull(REPO, { number: PR, headSha: head, headRef: 'feature', baseRef: 'main' });
}, 240_000);

/** Runs one example's mlci lines in order, each in a fresh checkout state, as its CI would. */
async function runExample(file: string, env: Record<string, string>): Promise<Spawned[]> {
  await git('reset -q --hard');
  await git('clean -qfdx');
  const results: Spawned[] = [];
  for (const cmd of await commandsOf(file)) {
    const r = await sh(cmd, repo, env);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    results.push(r);
  }
  return results;
}

const jenkins = (build: number) => ({
  JENKINS_URL: 'https://jenkins.example/',
  BUILD_TAG: `jenkins-penguins-PR-${PR}-${build}`,
  CHANGE_ID: String(PR),
  CHANGE_TARGET: 'main',
  GIT_COMMIT: head,
  GIT_URL: `https://github.com/${REPO}.git`,
  GITHUB_TOKEN: TOKEN,
  GITHUB_API_URL: gh.url,
});

describe('examples/ci', () => {
  it('each example runs the same chain: validate, train, compare, report --post', async () => {
    const chains = await Promise.all(EXAMPLES.map(commandsOf));
    for (const c of chains) expect(c.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['mlci validate', 'mlci train', 'mlci compare', 'mlci report']);
    expect(chains[0][3]).toContain('--post');
    // run.sh takes where to post from a variable when no CI is detected; the rest is the same, word for word.
    expect(new Set(chains.map((c) => c.join('\n').replace(' ${MLCI_POST_FLAGS:-}', ''))).size).toBe(1);
  });

  it("every example's lines pass in a Jenkins-shaped environment and upsert one comment across three runs", async () => {
    let build = 0;
    for (const file of EXAMPLES) {
      const results = await runExample(file, jenkins(++build));
      for (const r of results) expect(r.code, `${file}: ${r.stdout}${r.stderr}`).toBe(0);
      const posted = results.at(-1)!;
      expect(posted.stderr).toContain(`detected Jenkins: repo ${REPO}, pull request #${PR}`);
    }
    const comments = gh.comments(REPO, PR);
    expect(comments).toHaveLength(1);
    const body = comments[0].body ?? '';
    for (const s of ['Data validation', 'Training', 'Metrics']) expect(body).toContain(s);
    // What the change did, against main's committed metrics.
    expect(body).toMatch(/`test\.accuracy`[^\n]*🟢 improved/);
    expect(body).toContain('node train.mjs --data data/penguins.csv');
  });

  it('.gitlab-ci.yml for a GitHub repository built by GitLab CI (external pull request) updates the same comment', async () => {
    const results = await runExample('.gitlab-ci.yml', {
      GITLAB_CI: 'true',
      CI_PIPELINE_ID: '9001',
      CI_JOB_NAME: 'ml',
      CI_COMMIT_SHA: head,
      CI_EXTERNAL_PULL_REQUEST_IID: String(PR),
      CI_EXTERNAL_PULL_REQUEST_TARGET_REPOSITORY: REPO,
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: gh.url,
    });
    for (const r of results) expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(results.at(-1)!.stderr).toContain(`detected GitLab CI: repo ${REPO}, pull request #${PR}`);
    expect(gh.comments(REPO, PR)).toHaveLength(1);
  });

  const gitlabForge = existsSync(join(ROOT, 'packages/core/src/forge/gitlab/index.ts'));
  it.skipIf(!gitlabForge)(
    gitlabForge
      ? '.gitlab-ci.yml in a merge-request pipeline upserts one note on the loopback GitLab across three runs'
      : '.gitlab-ci.yml in a merge-request pipeline (skipped: packages/core/src/forge/gitlab/index.ts does not exist yet)',
    async () => {
      const { startGitLabServer } = await import('./support/gitlab/server.js' as string);
      const gl = await startGitLabServer();
      try {
        const bot = gl.addUser('mlci-bot', { token: 'glpat-ci-examples-0123456789' });
        const project = gl.addProject('octo/penguins', { members: [bot] });
        gl.addMergeRequest(project, 3);
        for (const pipeline of [1, 2, 3]) {
          const results = await runExample('.gitlab-ci.yml', {
            GITLAB_CI: 'true',
            CI_PIPELINE_ID: String(pipeline),
            CI_API_V4_URL: gl.apiUrl,
            CI_PROJECT_ID: String(project),
            CI_MERGE_REQUEST_IID: '3',
            CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
            CI_COMMIT_SHA: head,
            GITLAB_TOKEN: 'glpat-ci-examples-0123456789',
          });
          for (const r of results) expect(r.code, r.stdout + r.stderr).toBe(0);
          for (const r of results) expect(r.stdout + r.stderr).not.toContain('glpat-ci-examples-0123456789');
        }
        // A merge request that does not exist: a clear error, exit 2, nothing posted, no token shown.
        const wrong = await sh('mlci report --post', repo, {
          GITLAB_CI: 'true',
          CI_API_V4_URL: gl.apiUrl,
          CI_PROJECT_ID: String(project),
          CI_MERGE_REQUEST_IID: '404',
          GITLAB_TOKEN: 'glpat-ci-examples-0123456789',
        });
        expect(wrong.code, wrong.stderr).toBe(2);
        expect(wrong.stderr).toContain('--post to GitLab:');
        expect(wrong.stdout + wrong.stderr).not.toContain('glpat-ci-examples-0123456789');
        const notes = gl.notes(project, 3);
        expect(notes).toHaveLength(1);
        expect(notes[0].body).toContain('Metrics');
        // The charts went up through the project's uploads API, and the note shows them from there.
        expect(gl.uploads(project).length).toBeGreaterThan(0);
        expect(notes[0].body).toMatch(/!\[[^\]]*\]\([^)]*\/uploads\//);
        expect(gl.violations).toEqual([]);
      } finally {
        await gl.close();
      }
    },
  );
});
