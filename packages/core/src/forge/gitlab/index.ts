export { GITLAB_NOTE_LIMIT, fitNote } from './fit.js';
export type { GitLabImage } from './images.js';
export { GitLabError, REQUEST_TIMEOUT_MS, postGitLabReport, type PostGitLabReportOptions, type PostedGitLabNote } from './post.js';
export { gitLabTargetFromEnv, type GitLabTarget } from './target.js';
