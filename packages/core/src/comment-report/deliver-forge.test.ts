import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitLabServer, type GitLabServer } from '../../../../test/support/gitlab/server.js';
import { gitLabReportForge } from '../forge/gitlab/index.js';
import type { LoadedSection } from '../report/load.js';
import { SECTION_SCHEMA } from '../section/section.js';
import { deliverReport } from './deliver.js';

/**
 * deliverReport posts through a ReportForge without asking which one it is: here GitLab's, against
 * the loopback GitLab (which keeps state and refuses a note over 1,000,000 characters as GitLab does).
 */

const TOKEN = 'glpat-deliver-0123456789';
let gl: GitLabServer;
let project: number;
let iid = 0;
let dir: string;

beforeAll(async () => {
  gl = await startGitLabServer();
  const bot = gl.addUser('mlci-bot', { token: TOKEN });
  project = gl.addProject('acme/churn', { members: [bot] });
  dir = await mkdtemp(join(tmpdir(), 'mlci-deliver-forge-'));
});
afterAll(() => gl.close());
afterEach(() => expect(gl.violations).toEqual([]));

function forge() {
  gl.addMergeRequest(project, ++iid);
  return { forge: gitLabReportForge({ apiUrl: gl.apiUrl, projectId: String(project), mergeRequestIid: iid }, TOKEN), iid };
}

function loaded(markdown: string, images: LoadedSection['images'] = []): LoadedSection {
  const section: LoadedSection['section'] = {
    schema: SECTION_SCHEMA,
    action: 't',
    id: 'notes',
    stage: 'metrics',
    title: 'Notes',
    status: 'pass',
    summary: '',
    markdown,
    created: '2026-01-01T00:00:00Z',
  };
  return { section, baseDir: dir, images };
}

const options = {
  id: 'mlci',
  title: 'R',
  target: { kind: 'none', reason: 'local report' } as const,
  mode: 'upsert' as const,
  hidePrevious: false,
  dryRun: false,
  serverUrl: 'https://github.com',
  imagesBranch: 'mlci-assets',
};

describe('deliverReport through a GitLab forge', () => {
  it("fits the note to GitLab's limit, updates it in place, and makes no check run (GitLab has none)", async () => {
    const { forge: f, iid: mr } = forge();
    const long = Array.from({ length: 3000 }, (_, i) => `- row ${i} ${'y'.repeat(60)}`).join('\n');
    const first = await deliverReport(undefined, { ...options, forge: f, sections: [loaded(long)], checkRun: { name: 'mlci', headSha: 'a'.repeat(40) } });
    expect(first.posted).toBe(true);
    expect(first.truncated).toBe(false);
    expect(first.check).toBeUndefined();
    expect(first.comment?.created).toBe(true);
    const again = await deliverReport(undefined, { ...options, forge: f, sections: [loaded(`${long}\n- one more`)] });
    expect(again.comment).toMatchObject({ id: first.comment!.id, created: false });
    const notes = gl.notes(project, mr);
    expect(notes).toHaveLength(1);
    expect(notes[0].body.length).toBeGreaterThan(65_536);
    expect(notes[0].body).toContain('- one more');
  });

  it('uploads the images the local report links, and refuses a mode GitLab notes do not have', async () => {
    const { forge: f, iid: mr } = forge();
    const png = join(dir, 'roc.png');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    const d = await deliverReport(undefined, {
      ...options,
      forge: f,
      localImagesFrom: dir,
      sections: [loaded('![roc](roc.png)', [{ ref: 'roc.png', path: png }])],
    });
    expect(d.posted).toBe(true);
    expect(gl.uploads(project)).toHaveLength(1);
    expect(gl.notes(project, mr)[0].body).toMatch(/!\[[^\]]*\]\(\/uploads\/[0-9a-f]{32}\/roc-[0-9a-f]+\.png\)/);
    await expect(deliverReport(undefined, { ...options, forge: f, mode: 'create', sections: [loaded('x')] })).rejects.toThrow(/only ever updated in place/);
    expect(gl.notes(project, mr)).toHaveLength(1);
  });
});
