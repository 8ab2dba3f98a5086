/**
 * What a report must know of the forge it is posted to before it is composed: how long a comment
 * may be, and whose limit that is (the cut note names it). GitHub refuses a comment body over
 * 65,536 characters (422); GitLab's note limit is in forge/gitlab/fit.ts.
 */
export interface CommentLimit {
  /** The forge's name, as the cut note says it ("Cut to fit GitHub's limit"). */
  forge: string;
  /** In characters; a string's length (UTF-16 units) never undercounts them. */
  limit: number;
}

export const GITHUB_COMMENT_LIMIT: CommentLimit = { forge: 'GitHub', limit: 65_536 };
