// The timeouts live in the core, which the CLI's octokit shares.
export { fetchWithTimeout, httpTimeoutMs, type Fetch } from '@mlci/core/http';
