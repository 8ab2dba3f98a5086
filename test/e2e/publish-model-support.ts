import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: { ...process.env, ...env } });
  return stdout.trim();
}

const WHO = {
  GIT_AUTHOR_NAME: 'Data Scientist',
  GIT_AUTHOR_EMAIL: 'ds@example.com',
  GIT_COMMITTER_NAME: 'Data Scientist',
  GIT_COMMITTER_EMAIL: 'ds@example.com',
};

/** A model repository as a user has one: a real clone with a bare repository as `origin`. */
export interface ModelRepo {
  workspace: string;
  origin: string;
  commit(files: Record<string, string | Buffer>, message: string): Promise<string>;
  /** A tag as `gto` writes it: annotated, its message, dated `at` (seconds). */
  gtoTag(tag: string, commit: string, message: string, at: number): Promise<void>;
  /** The tags origin holds, as `git ls-remote` lists them (annotated ones peeled). */
  originTags(): Promise<string[]>;
  localTags(): Promise<string[]>;
}

export async function modelRepo(files: Record<string, string | Buffer>): Promise<ModelRepo> {
  const workspace = await mkdtemp(join(tmpdir(), 'mlci-ws-publish-'));
  const origin = await mkdtemp(join(tmpdir(), 'mlci-origin-'));
  await git(origin, ['init', '--bare', '-q', '-b', 'main']);
  await git(workspace, ['init', '-q', '-b', 'main']);
  await git(workspace, ['remote', 'add', 'origin', origin]);
  const repo: ModelRepo = {
    workspace,
    origin,
    async commit(more, message) {
      for (const [rel, content] of Object.entries(more)) {
        await mkdir(dirname(join(workspace, rel)), { recursive: true });
        await writeFile(join(workspace, rel), content);
      }
      await git(workspace, ['add', '-A']);
      await git(workspace, ['commit', '-q', '-m', message], WHO);
      await git(workspace, ['push', '-q', 'origin', 'main']);
      return git(workspace, ['rev-parse', 'HEAD']);
    },
    async gtoTag(tag, commit, message, at) {
      await git(workspace, ['tag', '-a', tag, commit, '-m', message], { ...WHO, GIT_COMMITTER_DATE: `${at} +0000` });
      await git(workspace, ['push', '-q', 'origin', `refs/tags/${tag}`]);
    },
    async originTags() {
      const out = await git(workspace, ['ls-remote', '--tags', '--refs', 'origin']);
      return out
        ? out
            .split('\n')
            .map((l) => l.split('\t')[1].replace('refs/tags/', ''))
            .sort()
        : [];
    },
    async localTags() {
      const out = await git(workspace, ['tag', '--list']);
      return out ? out.split('\n').sort() : [];
    },
  };
  await repo.commit(files, 'model v1');
  return repo;
}

/** A small model: weights, a config, a tokenizer under a folder, the smoke test beside it. */
export const MODEL_FILES: Record<string, string | Buffer> = {
  'model/weights.bin': Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 251)),
  'model/config.json': '{"layers": 2, "threshold": 0.5}\n',
  'model/tokenizer/vocab.txt': 'a\nb\nc\n',
  'metrics.json': '{"roc_auc": 0.91, "accuracy": 0.87, "note": "not a number"}\n',
  'params.yaml': 'lr: 0.01\nepochs: 5\n',
  // Known input -> expected output, against the packaged model only.
  'smoke_test.sh': 'set -e\ntest -f "$1/weights.bin"\ngrep -q threshold "$1/config.json"\ntest ! -e smoke_test.sh\n',
};
