import type { ParseArgsOptionDescriptor } from 'node:util';
import type { SectionSlot } from '@mlci/core/section';
import type { Out } from './out.js';

/**
 * A flag as the parser and `mlci <name> --help` know it: `default` is the text help shows for
 * what an absent flag means (never passed to the parser, so a command still tells "not given"
 * from "given as the default").
 */
export interface Flag extends Omit<ParseArgsOptionDescriptor, 'default'> {
  /** The value's placeholder in help (`FILE`); none for a boolean. */
  arg?: string;
  default: string;
  help: string;
}

/**
 * One `mlci <name>` command as `mlci help` and the flag parser know it: a line in the table of
 * commands/index.ts. It holds no code of the command, so help, `--version` and `<name> --help` load
 * none; `load` brings the body only when the command runs.
 */
export interface CommandSpec {
  name: string;
  /** Usage lines for `mlci help`: the flags, then what the command does; without the leading `mlci `. */
  usage: string;
  options: Record<string, Flag>;
  load(): Promise<CommandBody>;
}

/** What a command's module exports: the same core as its action, its inputs as flags. */
export interface CommandBody {
  /**
   * The report section the command writes when it succeeds (with the report directory): when it
   * fails, its failing section takes that place, as the action's does (the failing-section contract).
   */
  section?(values: Values, env: NodeJS.ProcessEnv): { reportDir: string; slot: SectionSlot };
  /** Returns the exit code: 0 done, 1 a check failed (2, bad usage or input, is thrown as a UserError). */
  run(values: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number>;
}

export type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;
