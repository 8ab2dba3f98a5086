import { UserError } from '@mlci/core/errors';
import type { ReportForge } from '@mlci/core/forge';

/**
 * A GitLab merge request's pipeline with a GITLAB_TOKEN: the report goes to one merge-request
 * note, through the core's GitLab forge (loaded only here, so a GitHub post never parses it).
 */
export function isGitLabPost(env: NodeJS.ProcessEnv): boolean {
  return env.GITLAB_CI === 'true' && Boolean(env.GITLAB_TOKEN?.trim()) && Boolean(env.CI_MERGE_REQUEST_IID);
}

async function loadGitLab(): Promise<typeof import('@mlci/core/forge/gitlab')> {
  try {
    return await import('@mlci/core/forge/gitlab');
  } catch (e) {
    throw new UserError(`--post to GitLab: this build of mlci has no GitLab forge (${(e as Error).message})`, { input: 'post' });
  }
}

/** The merge request the CI's variables name, as a forge the comment-report use case posts to. */
export async function gitLabForge(env: NodeJS.ProcessEnv, info: (line: string) => void): Promise<{ forge: ReportForge; token: string }> {
  const gitlab = await loadGitLab();
  const target = gitlab.gitLabTargetFromEnv(env);
  if (!target) throw new UserError('--post to GitLab needs CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID', { input: 'post' });
  info(`detected GitLab CI: project ${target.projectId}, merge request !${target.mergeRequestIid} (CI_PROJECT_ID, CI_MERGE_REQUEST_IID), API ${target.apiUrl}`);
  const token = env.GITLAB_TOKEN!.trim();
  const forge = gitlab.gitLabReportForge(target, token);
  return {
    token,
    forge: {
      ...forge,
      upsertComment: async (c) => {
        try {
          return await forge.upsertComment(c);
        } catch (e) {
          // The forge's errors name the request's method and path and GitLab's answer, never the token.
          const status = (e as { status?: number }).status;
          const why =
            status === 404
              ? `project ${target.projectId} or merge request !${target.mergeRequestIid} not found (or the token may not see it)`
              : (e as Error).message;
          throw new UserError(`--post to GitLab: ${why}`, { input: 'post' });
        }
      },
    },
  };
}
