import * as core from '@actions/core';
import * as github from '@actions/github';
export function hello(): string {
  core.info(`event ${github.context.eventName}`);
  return 'ok';
}
