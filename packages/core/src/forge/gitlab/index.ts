/**
 * The GitLab side of `mlci report --post`: the report as one merge-request note, through
 * @gitbeaker/rest (loaded only when called). The comment-report use case posts through
 * `gitLabReportForge` (a ReportForge, forge/report-forge.ts) as it posts through GitHub's:
 *
 *   const target = gitLabTargetFromEnv(process.env); // undefined outside an MR pipeline
 *   await runCommentReport({ ...options, forge: gitLabReportForge(target, token), localImagesFrom: dir, dryRun: false });
 *
 * Called directly, `postGitLabReport` takes a body already fitted section-aware
 * (`fitReport(composed, { limit: GITLAB_NOTE_LIMIT, limitOf: 'GitLab' })`) and `images[].name`,
 * the image's reference as the body writes it (report/images.ts's `LocalImage.ref`): those
 * references are pointed at the uploads.
 */
export { GITLAB_COMMENT_LIMIT, GITLAB_NOTE_LIMIT, fitNote } from './fit.js';
export type { GitLabImage } from './images.js';
export { REQUEST_TIMEOUT_MS, postGitLabReport, type PostGitLabReportOptions, type PostedGitLabNote } from './post.js';
export { GitLabError } from './requester.js';
export { gitLabReportForge } from './report-forge.js';
export { gitLabTargetFromEnv, type GitLabTarget } from './target.js';
