import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { UserError } from '@mlci/core';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  }
  return out;
}

/** Uploads a directory as one artifact; returns its id. */
export async function uploadDirectory(name: string, dir: string, retentionDays?: number): Promise<number | undefined> {
  const client = new DefaultArtifactClient();
  const files = await filesUnder(dir);
  const r = await client.uploadArtifact(name, files, dir, retentionDays ? { retentionDays } : {});
  return r.id;
}

/**
 * Downloads an artifact by name into `dir`: from another run (a workflow_run's triggering run)
 * through the REST API with the token, or from this run.
 */
export async function downloadByName(
  name: string,
  dir: string,
  from?: { token: string; runId: number; owner: string; repo: string },
): Promise<void> {
  const client = new DefaultArtifactClient();
  const findBy = from && { token: from.token, workflowRunId: from.runId, repositoryOwner: from.owner, repositoryName: from.repo };
  const { artifact } = await client.getArtifact(name, findBy ? { findBy } : {});
  await client.downloadArtifact(artifact.id, { path: dir, ...(findBy ? { findBy } : {}) });
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
