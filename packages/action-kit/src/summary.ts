import { access, appendFile, constants } from 'node:fs/promises';
import { EOL } from 'node:os';
import { scrubText } from '@mlci/core/report';
import { registeredSecrets } from './inputs.js';

/**
 * Appends markdown to the job summary, scrubbed of the step's secrets first (the runner masks only
 * the log). Written here rather than with @actions/core's `summary`: that one remembers the first
 * GITHUB_STEP_SUMMARY it saw for the life of the process, so a second step run in the same process
 * (an in-process test) would append to the first step's file. The checks and the append are
 * @actions/core's own.
 */
export async function writeSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, scrubText(markdown, registeredSecrets()) + EOL, { encoding: 'utf8' });
}
