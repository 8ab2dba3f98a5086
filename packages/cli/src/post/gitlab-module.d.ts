// The GitLab forge's face as `@mlci/core/forge/gitlab` exports it. It is being written beside the
// CLI; once packages/core exports the subpath, TypeScript reads the real module first and this
// declaration no longer applies (delete it then, and the reference to it in gitlab-post.ts).
declare module '@mlci/core/forge/gitlab' {
  export interface GitLabTarget {
    apiUrl: string;
    projectId: string;
    mergeRequestIid: number;
  }
  export function gitLabTargetFromEnv(env: NodeJS.ProcessEnv): GitLabTarget | undefined;
  export function postGitLabReport(o: {
    target: GitLabTarget;
    token: string;
    id: string;
    body: string;
    images?: { path: string; name: string }[];
    signal?: AbortSignal;
  }): Promise<{ noteId: number; url: string; created: boolean }>;
}
