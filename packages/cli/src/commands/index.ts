import type { Command } from '../command.js';
import { reportCommand } from './report.js';

/** Every `mlci <name>` command, in the order `mlci help` lists them. */
export const COMMANDS: Command[] = [reportCommand];
