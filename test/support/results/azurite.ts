import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential, generateBlobSASQueryParameters } from '@azure/storage-blob';

/** Azurite's development account; name and key are public, documented by Microsoft. */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface SasOptions {
  permissions: 'r' | 'cw';
  /** Sent back as Content-Disposition when the blob is read (the `rscd` SAS field). */
  contentDisposition?: string;
  ttlMinutes?: number;
}

export interface Azurite {
  /** Path-style endpoint of the dev account, e.g. http://127.0.0.1:PORT/devstoreaccount1 */
  endpoint: string;
  service: BlobServiceClient;
  /** The azurite child's process id. */
  pid: number;
  /** A signed URL for one blob, the kind the results service hands to the toolkit. */
  sasUrl(container: string, blob: string, o: SasOptions): string;
  close(): Promise<void>;
}

// A vitest worker that is killed outright never runs exit handlers, so the child watches its
// stdin pipe instead: the pipe closes whenever the parent goes away, however it goes.
const EXIT_WITH_PARENT =
  'data:text/javascript,process.stdin.on("end",()=>process.exit(0));process.stdin.on("error",()=>process.exit(0));process.stdin.resume();';

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: string) => {
      seen += chunk;
      const m = /listens on (http:\/\/[^\s]+)/.exec(seen);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`azurite-blob exited before listening (${code ?? signal}): ${seen}`)));
  });
}

export async function startAzurite(): Promise<Azurite> {
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      '--import',
      EXIT_WITH_PARENT,
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--loose',
      '--skipApiVersionCheck',
      '--silent',
      '--disableTelemetry',
    ],
    // In memory, azurite writes nothing; the cwd is where it would.
    { stdio: ['pipe', 'pipe', 'pipe'], cwd: tmpdir() },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let base: string;
  try {
    base = await listeningUrl(child);
  } catch (e) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  // Keep draining stdout so the child never blocks on a full pipe.
  child.stdout!.resume();

  const credential = new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY);
  const endpoint = `${base}/${DEV_ACCOUNT}`;
  const service = new BlobServiceClient(endpoint, credential);

  return {
    endpoint,
    service,
    pid: child.pid!,
    sasUrl(container, blob, o) {
      const now = Date.now();
      const sas = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName: blob,
          permissions: BlobSASPermissions.parse(o.permissions),
          // Clock skew between us and azurite is nil, but a minute back costs nothing.
          startsOn: new Date(now - 60_000),
          expiresOn: new Date(now + (o.ttlMinutes ?? 60) * 60_000),
          contentDisposition: o.contentDisposition,
        },
        credential,
      ).toString();
      return `${service.getContainerClient(container).getBlobClient(blob).url}?${sas}`;
    },
    async close() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
