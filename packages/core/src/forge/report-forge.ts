import type { Repo, Api } from './api.js';
import { createCheckRun, type CheckRunInput } from './checks.js';
import { findReportComments, postComment, type CommentMode } from './comments.js';
import { whoAmI } from './identity.js';
import { publishImages, type ImageFile, type PublishImagesOptions } from './publish-images.js';
import { currentPullHead, type Target } from './target.js';

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

export interface ReportComment {
  /** The report's identity: the hidden marker on the body's first line carries it. */
  id: string;
  body: string;
  mode: CommentMode;
  hidePrevious: boolean;
  /** The token's user, when the forge already said it (previousReport). */
  author?: string;
  /** Local images the body links by `name` (relative to the local report): a forge that uploads them when posting points them at its uploads. */
  images?: { path: string; name: string }[];
  /** When the report has no comment yet, make the comment an old CML workflow left the report (edited in place). */
  replaceCml?: boolean;
}

/** What became of the comment CML left, when one was found (ReportComment.replaceCml). */
export type CmlReplacement = { id: number; replaced: true } | { id: number; replaced: false; reason: string };

/**
 * A forge as a report is posted to it: one sticky comment per report id, found by the hidden
 * marker AND by its author being the token's user, so that a comment someone else wrote quoting
 * our marker is never touched. What a forge cannot do it leaves out; the report says so or does
 * without (comment-report/deliver.ts never asks which forge it is).
 */
export interface ReportForge {
  readonly commentLimit: CommentLimit;
  /** Where the comment goes, for messages: `#7`, `commit abc1234`, `!3`. */
  readonly where: string;
  /** Creates or updates the report's comment. Throws the forge's error (see isNotPermitted for a token that may not write). */
  upsertComment(c: ReportComment): Promise<{ id: number; url: string; created?: boolean; cml?: CmlReplacement }>;
  /** The token's user and the body of the comment `upsert` would update, for a run that wrote nothing. */
  previousReport?(id: string): Promise<{ author?: string; body?: string }>;
  /** The pull request's head commit now; undefined when the comment is not on a pull request. */
  currentHead?(): Promise<string | undefined>;
  /** Publishes local images before the body is composed: the URL of each `ref`. Without it, images go to upsertComment. */
  publishImages?(files: ImageFile[], o: PublishImagesOptions): Promise<Map<string, string>>;
  /** A check run (GitHub) with the report as its summary. */
  createCheckRun?(c: CheckRunInput): Promise<{ id: number; url: string }>;
  /** The unit and size of a check run's summary, when there are check runs. */
  readonly checkSummaryLimit?: { limit: number; bytes: boolean };
}

/** A check run's output.summary holds 65,535 bytes ("exceeds a maximum bytesize of 65535"). */
const CHECK_SUMMARY_LIMIT = 65_535;

/** GitHub: an issue, pull request or commit comment (forge/comments.ts), a check run, images on a branch. */
export function gitHubReportForge(api: Api, target: Exclude<Target, { kind: 'none' }>, repo?: Repo): ReportForge {
  const forge: ReportForge = {
    commentLimit: GITHUB_COMMENT_LIMIT,
    where: target.kind === 'issue' ? `#${target.number}` : `commit ${target.sha.slice(0, 7)}`,
    upsertComment: async (c) => {
      const posted = await postComment(api, target, {
        id: c.id,
        body: c.body,
        mode: c.mode,
        hidePrevious: c.hidePrevious,
        author: c.author,
        replaceCml: c.replaceCml,
      });
      return { id: posted.id, url: posted.url, cml: posted.cml };
    },
    previousReport: async (id) => {
      const author = await whoAmI(api);
      if (!author) return {};
      const [oldest] = await findReportComments(api, target, id, author);
      return { author, body: oldest?.body };
    },
    currentHead: () => (target.kind === 'issue' && target.isPull ? currentPullHead(api, target) : Promise.resolve(undefined)),
  };
  // Images and check runs belong to the workflow's repository: without one, neither is made.
  if (!repo) return forge;
  return {
    ...forge,
    publishImages: (files, o) => publishImages(api, repo, files, o),
    createCheckRun: (c) => createCheckRun(api, repo, c),
    checkSummaryLimit: { limit: CHECK_SUMMARY_LIMIT, bytes: true },
  };
}
