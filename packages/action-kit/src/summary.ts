import * as core from '@actions/core';
import { scrubText } from '@mlci/core/report';
import { registeredSecrets } from './inputs.js';

/** Appends markdown to the job summary, scrubbed of the step's secrets first (the runner masks only the log). */
export async function writeSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(scrubText(markdown, registeredSecrets()), true).write();
}
