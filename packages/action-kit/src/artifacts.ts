import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '@mlci/core/errors';
import { abandonPendingWork } from './run.js';

/**
 * @actions/artifact gives its Twirp calls to the results service no timeout and takes none from
 * outside (its blob transfers have their own), so each whole operation gets a deadline:
 * MLCI_ARTIFACT_TIMEOUT_MS, 30 minutes by default. A silent service then fails the step with a
 * clear message; the request left hanging is abandoned, and the step exits once it has reported.
 */
const DEFAULT_DEADLINE_MS = 30 * 60_000;

function deadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.MLCI_ARTIFACT_TIMEOUT_MS);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_DEADLINE_MS;
}

async function withDeadline<T>(what: string, work: Promise<T>): Promise<T> {
  const ms = deadlineMs();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandonPendingWork();
      reject(new Error(`the artifact service did not finish ${what} within ${ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${ms} ms`}`));
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  }
  return out;
}

/**
 * @actions/artifact (and the Azure blob client under it, about 5 MB) loads when an artifact is
 * used, never at start-up: most steps never touch one.
 */
async function artifactClient() {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/** Uploads a directory as one artifact; returns its id. */
export async function uploadDirectory(name: string, dir: string, retentionDays?: number): Promise<number | undefined> {
  const client = await artifactClient();
  const files = await filesUnder(dir);
  const r = await withDeadline(`uploading ${name}`, client.uploadArtifact(name, files, dir, retentionDays ? { retentionDays } : {}));
  return r.id;
}

/**
 * Downloads an artifact by name into `dir`: from another run (a workflow_run's triggering run)
 * through the REST API with the token, or from this run.
 */
export async function downloadByName(name: string, dir: string, from?: { token: string; runId: number; owner: string; repo: string }): Promise<void> {
  const client = await artifactClient();
  const findBy = from && { token: from.token, workflowRunId: from.runId, repositoryOwner: from.owner, repositoryName: from.repo };
  await withDeadline(
    `downloading ${name}`,
    (async () => {
      const { artifact } = await client.getArtifact(name, findBy ? { findBy } : {});
      await client.downloadArtifact(artifact.id, { path: dir, ...(findBy ? { findBy } : {}) });
    })(),
  );
  await refuseLinks(dir, name);
}

/**
 * An artifact is another run's bytes (perhaps a fork's). The toolkit's unzip turns `..` members
 * into `.` and writes links as plain files; should that ever change, a link or a device in the
 * download is refused here, before anything reads it.
 */
async function refuseLinks(dir: string, name: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() && !e.isDirectory()) {
      throw new UserError(`the artifact ${name} holds "${join(e.parentPath, e.name).slice(dir.length + 1)}", which is not a plain file: refused`);
    }
  }
}
