import * as core from '@actions/core';

/** The step's outputs, as action.yml names them; a value is written as its string form. */
export function setOutputs(values: Record<string, string | number | boolean>): void {
  for (const [name, value] of Object.entries(values)) core.setOutput(name, value);
}

/** A line in the step's log. */
export function log(message: string): void {
  core.info(message);
}
