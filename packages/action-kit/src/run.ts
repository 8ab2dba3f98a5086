import * as core from '@actions/core';
import { isUserError, type Problem } from '@mlci/core';

/** Problems from the core become annotations on the file and line they name. */
export function annotate(p: Problem): void {
  const props: core.AnnotationProperties = {
    title: p.title,
    file: p.file,
    startLine: p.line,
    startColumn: p.line !== undefined ? p.column : undefined,
  };
  if (p.severity === 'error') core.error(p.message, props);
  else if (p.severity === 'warning') core.warning(p.message, props);
  else core.notice(p.message, props);
}

/**
 * Runs an action's body. A UserError fails the step with an annotation at its place; anything
 * else is our bug: it fails with the message, and the stack goes to the debug log.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (isUserError(e)) {
      annotate({ severity: 'error', message: e.message, file: e.file, line: e.line, column: e.column });
      core.setFailed(e.message);
    } else {
      const err = e as Error;
      core.debug(err?.stack ?? String(e));
      core.setFailed(`mlci failed unexpectedly: ${err?.message ?? String(e)}`);
    }
  }
}
