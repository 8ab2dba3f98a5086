import { mapOutsideCode } from './images.js';

/**
 * Stops @mentions and team mentions in markdown from notifying anyone, leaving all other markdown
 * as written. For markdown we post but did not write ourselves in this job: a report bundle from a
 * fork's pull_request run, posted by the workflow_run job with a write token, must not be able to
 * ping people through our bot. Code blocks and spans are left alone (GitHub does not link there).
 * The zero-width space is the same trick escape.ts uses for data.
 */
export function neutralizeMentions(markdown: string): string {
  return mapOutsideCode(markdown, (text) => text.replace(/(^|[^A-Za-z0-9_`/.+-])@(?=[A-Za-z0-9])/g, '$1@&#8203;'));
}
