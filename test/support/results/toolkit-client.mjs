// Runs the unmodified @actions/artifact and @actions/cache clients the way an action does, in a
// process of its own with the runner's environment. Steps come as JSON in argv[2]; each step's
// result (or its error message) is written as JSON to the file named by argv[3].
import { writeFile } from 'node:fs/promises';
import { DefaultArtifactClient } from '@actions/artifact';
import * as cache from '@actions/cache';

const [, , stepsJson, resultFile] = process.argv;
const artifact = new DefaultArtifactClient();

const ops = {
  upload: (s) => artifact.uploadArtifact(s.name, s.files, s.root, s.options),
  download: (s) => artifact.downloadArtifact(s.id, s.options),
  get: (s) => artifact.getArtifact(s.name, s.options),
  list: (s) => artifact.listArtifacts(s.options),
  delete: (s) => artifact.deleteArtifact(s.name, s.options),
  saveCache: (s) => cache.saveCache(s.paths, s.key),
  restoreCache: (s) => cache.restoreCache(s.paths, s.key, s.restoreKeys),
};

const results = [];
for (const step of JSON.parse(stepsJson)) {
  try {
    results.push({ ok: true, value: (await ops[step.op](step)) ?? null });
  } catch (e) {
    results.push({ ok: false, error: String(e?.message ?? e), name: e?.name });
  }
}
await writeFile(resultFile, JSON.stringify(results));
