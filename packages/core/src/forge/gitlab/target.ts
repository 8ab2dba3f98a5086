/** Where a report goes on GitLab: one merge request of one project, through one API root. */
export interface GitLabTarget {
  /** CI_API_V4_URL, e.g. `https://gitlab.example.com/api/v4`: self-managed hosts come from here, never a hard-coded one. */
  apiUrl: string;
  /** CI_PROJECT_ID: the numeric id, or the `group/project` path. */
  projectId: string;
  /** CI_MERGE_REQUEST_IID: the MR's number inside its project (`!12`), not its global id. */
  mergeRequestIid: number;
}

/**
 * The merge request of a GitLab CI merge-request pipeline. Undefined outside one: a branch or tag
 * pipeline has CI_API_V4_URL and CI_PROJECT_ID but no CI_MERGE_REQUEST_IID, and there is nothing
 * to comment on.
 */
export function gitLabTargetFromEnv(env: NodeJS.ProcessEnv): GitLabTarget | undefined {
  const apiUrl = env.CI_API_V4_URL?.trim();
  const projectId = env.CI_PROJECT_ID?.trim();
  const iid = env.CI_MERGE_REQUEST_IID?.trim();
  if (!apiUrl || !projectId || !iid || !/^[1-9][0-9]*$/.test(iid)) return undefined;
  return { apiUrl, projectId, mergeRequestIid: Number(iid) };
}
