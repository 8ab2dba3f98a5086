/**
 * Errors are values with a place until an adapter turns them into annotations.
 * The core never prints: it throws or returns these, and the adapter (or the CLI) reports them.
 */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
}

export interface Problem extends Place {
  message: string;
  severity: 'error' | 'warning' | 'notice';
  title?: string;
}

/** A failure caused by what the user gave us (an input, a file): it names what and where. */
export class UserError extends Error implements Place {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The action input (or CLI flag) the bad value came from, e.g. `target`. */
  readonly input?: string;

  constructor(message: string, place: Place & { input?: string; cause?: unknown } = {}) {
    super(message, place.cause === undefined ? undefined : { cause: place.cause });
    this.name = 'UserError';
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
    this.input = place.input;
  }

  /** `file:line:column: message`, the way compilers say it. */
  override toString(): string {
    const where = [this.file, this.line, this.column].filter((p) => p !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError || (e instanceof Error && e.name === 'UserError');
}
