import type { Command } from '../command.js';
import { compareCommand } from './compare.js';
import { reportCommand } from './report.js';
import { trainCommand } from './train.js';
import { validateCommand } from './validate.js';

/** Every `mlci <name>` command, in the order `mlci help` lists them. */
export const COMMANDS: Command[] = [validateCommand, trainCommand, compareCommand, reportCommand];
