import { UserError } from '../../errors.js';
import type { ReportForge } from '../report-forge.js';
import { GITLAB_COMMENT_LIMIT } from './fit.js';
import { postGitLabReport } from './post.js';
import type { GitLabTarget } from './target.js';

/**
 * GitLab: the report as one merge-request note (post.ts), its images uploaded as it is posted.
 * No check runs, no images branch, no head guard: GitLab's pipeline shows the job's own status,
 * and a merge-request pipeline reports on the head it was started for.
 */
export function gitLabReportForge(target: GitLabTarget, token: string, o: { signal?: AbortSignal; timeoutMs?: number } = {}): ReportForge {
  return {
    commentLimit: GITLAB_COMMENT_LIMIT,
    where: `merge request !${target.mergeRequestIid}`,
    upsertComment: async (c) => {
      // One note per report, updated in place: posting anew and hiding the old one is GitHub's.
      if (c.mode !== 'upsert' || c.hidePrevious)
        throw new UserError(`--mode ${c.mode}${c.hidePrevious ? ' with --hide-previous' : ''}: a GitLab note is only ever updated in place (upsert)`, {
          input: 'mode',
        });
      const note = await postGitLabReport({ target, token, id: c.id, body: c.body, images: c.images, ...o });
      return { id: note.noteId, url: note.url, created: note.created };
    },
  };
}
