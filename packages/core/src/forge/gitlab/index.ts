/**
 * The GitLab side of `mlci report --post`: the report as one merge-request note, through
 * @gitbeaker/rest (loaded only when called). How a caller uses it:
 *
 *   const target = gitLabTargetFromEnv(process.env); // undefined outside an MR pipeline
 *   const fitted = fitReport(composed, { limit: GITLAB_NOTE_LIMIT }); // section-aware, first
 *   await postGitLabReport({ target, token, id, body: fitted.body, images: local.map((i) => ({ path: i.path, name: i.ref })) });
 *
 * `images[].name` is the image's reference as the body writes it (report/images.ts's
 * `LocalImage.ref`): those references are pointed at the uploads.
 */
export { GITLAB_COMMENT_LIMIT, GITLAB_NOTE_LIMIT, fitNote } from './fit.js';
export type { GitLabImage } from './images.js';
export { REQUEST_TIMEOUT_MS, postGitLabReport, type PostGitLabReportOptions, type PostedGitLabNote } from './post.js';
export { GitLabError } from './requester.js';
export { gitLabReportForge } from './report-forge.js';
export { gitLabTargetFromEnv, type GitLabTarget } from './target.js';
