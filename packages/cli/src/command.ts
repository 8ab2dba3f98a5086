import type { ParseArgsConfig } from 'node:util';
import type { Out } from './out.js';

/** One `mlci <name>` command: the same core as its action, its inputs as flags. */
export interface Command {
  name: string;
  /** Usage lines for `mlci help`, without the leading `mlci `. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code: 0 done, 1 the user's mistake or a failed check. */
  run(values: Record<string, string | boolean | Array<string | boolean> | undefined>, env: NodeJS.ProcessEnv, out: Out): Promise<number>;
}
