/**
 * Fields that GitHub's REST answers (github/shapes.ts) and its webhook payloads (events/) write
 * the same way.
 */

/** The URL templates of a user object, under the user's API url. */
export function userUrls(url: string): Record<string, string> {
  return {
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
  };
}

/** A pull request nobody has merged, assigned or asked to review. */
export function unmergedPullFields(): Record<string, unknown> {
  return { merged_at: null, merge_commit_sha: null, assignee: null, assignees: [], requested_reviewers: [], requested_teams: [] };
}
