// What `mlci report --post` does on GitLab, as a bundle entry: ncc bundles it in
// test/e2e/gitlab-bundle.test.ts to show @gitbeaker/rest bundles, runs, and loads only when called.
import { gitLabTargetFromEnv, postGitLabReport } from '@mlci/core/forge/gitlab';

const target = gitLabTargetFromEnv(process.env);
if (!target) {
  console.log(JSON.stringify({ skipped: 'not a merge-request pipeline' }));
} else {
  try {
    const posted = await postGitLabReport({ target, token: process.env.GITLAB_TOKEN ?? '', id: 'e2e', body: process.env.REPORT_BODY ?? '' });
    console.log(JSON.stringify({ posted }));
  } catch (e) {
    console.log(JSON.stringify({ error: String(e?.message ?? e), name: e?.name }));
    process.exitCode = 2;
  }
}
