import type { Azurite } from './azurite.js';
import type { BackendIds } from './token.js';
import { TwirpError, type TwirpMethod } from './twirp.js';

export const ARTIFACT_CONTAINER = 'actions-results';
const RETENTION_DAYS = 90;

/** A workflow run as both sides know it: the public id (REST) and the backend ids (Twirp). */
export interface Run {
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  headSha: string;
  headBranch: string;
}

export interface ArtifactRecord {
  id: number;
  name: string;
  run: Run;
  jobBackendId: string;
  size: number;
  finalized: boolean;
  digest?: string;
  mimeType: string;
  blob: string;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

/** The file name a download is saved under: the toolkit reads it from Content-Disposition. */
export function downloadFileName(a: ArtifactRecord): string {
  return a.mimeType === 'application/zip' ? `${a.name}.zip` : a.name;
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * ArtifactService of the Actions results API (github.actions.results.api.v1), as
 * @actions/artifact 6 calls it: create -> upload to the signed URL -> finalize; list; sign; delete.
 */
export class ArtifactStore {
  private readonly records: ArtifactRecord[] = [];
  private nextId = 1;

  constructor(
    private readonly blobs: Azurite,
    private readonly runs: (runBackendId: string) => Run | undefined,
  ) {}

  all(): ArtifactRecord[] {
    return [...this.records];
  }

  byId(id: number): ArtifactRecord | undefined {
    return this.records.find((a) => a.id === id);
  }

  /** Finalized artifacts that have not expired, oldest first. */
  live(now = new Date()): ArtifactRecord[] {
    return this.records.filter((a) => a.finalized && a.expiresAt > now);
  }

  signedDownloadUrl(a: ArtifactRecord): string {
    return this.blobs.sasUrl(ARTIFACT_CONTAINER, a.blob, {
      permissions: 'r',
      contentDisposition: contentDisposition(downloadFileName(a)),
    });
  }

  async remove(a: ArtifactRecord): Promise<void> {
    this.records.splice(this.records.indexOf(a), 1);
    await this.blobs.service
      .getContainerClient(ARTIFACT_CONTAINER)
      .deleteBlob(a.blob, { deleteSnapshots: 'include' })
      .catch(() => undefined);
  }

  /** The run a request names, which must be the caller's own (its token says which). */
  private runOf(caller: BackendIds, body: Record<string, any>, needJob: boolean): Run {
    const runBackendId = str(body.workflow_run_backend_id);
    const jobBackendId = str(body.workflow_job_run_backend_id);
    if (!runBackendId) throw new TwirpError('invalid_argument', 'workflow_run_backend_id is required');
    if (needJob && !jobBackendId) {
      throw new TwirpError('invalid_argument', 'workflow_job_run_backend_id is required');
    }
    if (runBackendId !== caller.workflowRunBackendId) {
      throw new TwirpError('permission_denied', 'the token does not grant access to this workflow run');
    }
    const run = this.runs(runBackendId);
    if (!run) throw new TwirpError('not_found', `workflow run ${runBackendId} not found`);
    return run;
  }

  private newest(run: Run, name: string): ArtifactRecord {
    const found = this.live()
      .filter((a) => a.run === run && a.name === name)
      .at(-1);
    if (!found) throw new TwirpError('not_found', `artifact ${name} not found`);
    return found;
  }

  twirp(): Record<string, TwirpMethod> {
    return {
      CreateArtifact: async (caller, body) => {
        const run = this.runOf(caller, body, true);
        const name = str(body.name);
        if (!name) throw new TwirpError('invalid_argument', 'name is required');
        if (typeof body.version !== 'number' || body.version < 4) {
          throw new TwirpError('invalid_argument', 'unsupported artifact version');
        }
        if (this.live().some((a) => a.run === run && a.name === name)) {
          throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run');
        }
        // An unfinished upload of the same name is abandoned, as a retried job would.
        for (const stale of this.records.filter((a) => a.run === run && a.name === name && !a.finalized)) {
          await this.remove(stale);
        }
        const now = new Date();
        const expiresAt = str(body.expires_at) ? new Date(body.expires_at) : new Date(now.getTime() + RETENTION_DAYS * 86_400_000);
        if (Number.isNaN(expiresAt.getTime())) throw new TwirpError('invalid_argument', 'expires_at is not a timestamp');
        const id = this.nextId++;
        const record: ArtifactRecord = {
          id,
          name,
          run,
          jobBackendId: body.workflow_job_run_backend_id,
          size: 0,
          finalized: false,
          mimeType: str(body.mime_type) ?? 'application/zip',
          blob: `${run.runBackendId}/${body.workflow_job_run_backend_id}/${id}/${name}`,
          createdAt: now,
          updatedAt: now,
          expiresAt,
        };
        record.blob += record.mimeType === 'application/zip' ? '.zip' : '';
        this.records.push(record);
        await this.blobs.service.getContainerClient(ARTIFACT_CONTAINER).createIfNotExists();
        return {
          ok: true,
          signed_upload_url: this.blobs.sasUrl(ARTIFACT_CONTAINER, record.blob, { permissions: 'cw' }),
        };
      },

      FinalizeArtifact: async (caller, body) => {
        const run = this.runOf(caller, body, true);
        const name = str(body.name);
        if (!name) throw new TwirpError('invalid_argument', 'name is required');
        const record = this.records.find((a) => a.run === run && a.name === name && !a.finalized);
        if (!record) throw new TwirpError('not_found', `no artifact named ${name} awaits finalizing`);
        const blob = this.blobs.service.getContainerClient(ARTIFACT_CONTAINER).getBlobClient(record.blob);
        const props = await blob.getProperties().catch(() => undefined);
        if (!props) throw new TwirpError('failed_precondition', `nothing was uploaded for artifact ${name}`);
        // The blob is the truth: the client's byte count comes from progress events.
        record.size = props.contentLength ?? 0;
        record.digest = str(body.hash);
        record.finalized = true;
        record.updatedAt = new Date();
        return { ok: true, artifact_id: String(record.id) };
      },

      ListArtifacts: (caller, body) => {
        const run = this.runOf(caller, body, false);
        const nameFilter = str(body.name_filter);
        const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter);
        const artifacts = this.live()
          .filter((a) => a.run === run)
          .filter((a) => nameFilter === undefined || a.name === nameFilter)
          .filter((a) => idFilter === undefined || a.id === idFilter)
          .map((a) => ({
            workflow_run_backend_id: a.run.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt.toISOString(),
            ...(a.digest ? { digest: a.digest } : {}),
          }));
        return { artifacts };
      },

      GetSignedArtifactURL: (caller, body) => {
        const run = this.runOf(caller, body, false);
        const name = str(body.name);
        if (!name) throw new TwirpError('invalid_argument', 'name is required');
        return { signed_url: this.signedDownloadUrl(this.newest(run, name)) };
      },

      DeleteArtifact: async (caller, body) => {
        const run = this.runOf(caller, body, false);
        const name = str(body.name);
        if (!name) throw new TwirpError('invalid_argument', 'name is required');
        const record = this.newest(run, name);
        await this.remove(record);
        return { ok: true, artifact_id: String(record.id) };
      },
    };
  }
}
