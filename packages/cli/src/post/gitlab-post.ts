import { UserError } from '@mlci/core/errors';
import type { CommentLimit } from '@mlci/core/forge';

/**
 * A GitLab merge request's pipeline with a GITLAB_TOKEN: the report goes to one merge-request
 * note, through the core's GitLab forge (loaded only here, so a GitHub post never parses it).
 */
export function isGitLabPost(env: NodeJS.ProcessEnv): boolean {
  return env.GITLAB_CI === 'true' && Boolean(env.GITLAB_TOKEN?.trim()) && Boolean(env.CI_MERGE_REQUEST_IID);
}

/** The note limit the report is fitted to before it is posted. */
export async function gitLabCommentLimit(): Promise<CommentLimit> {
  return (await loadGitLab()).GITLAB_COMMENT_LIMIT;
}

async function loadGitLab(): Promise<typeof import('@mlci/core/forge/gitlab')> {
  try {
    return await import('@mlci/core/forge/gitlab');
  } catch (e) {
    throw new UserError(`--post to GitLab: this build of mlci has no GitLab forge (${(e as Error).message})`, { input: 'post' });
  }
}

export async function postToGitLab(o: {
  env: NodeJS.ProcessEnv;
  id: string;
  body: string;
  images: { path: string; name: string }[];
  info: (line: string) => void;
}): Promise<{ url: string; created: boolean }> {
  const gitlab = await loadGitLab();
  const target = gitlab.gitLabTargetFromEnv(o.env);
  if (!target) throw new UserError('--post to GitLab needs CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID', { input: 'post' });
  o.info(
    `detected GitLab CI: project ${target.projectId}, merge request !${target.mergeRequestIid} (CI_PROJECT_ID, CI_MERGE_REQUEST_IID), API ${target.apiUrl}`,
  );
  try {
    const note = await gitlab.postGitLabReport({ target, token: o.env.GITLAB_TOKEN!.trim(), id: o.id, body: o.body, images: o.images });
    return { url: note.url, created: note.created };
  } catch (e) {
    // The forge's errors name the request's method and path and GitLab's answer, never the token.
    const status = (e as { status?: number }).status;
    const why =
      status === 404 ? `project ${target.projectId} or merge request !${target.mergeRequestIid} not found (or the token may not see it)` : (e as Error).message;
    throw new UserError(`--post to GitLab: ${why}`, { input: 'post' });
  }
}
