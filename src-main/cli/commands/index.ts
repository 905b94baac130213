import type { Command } from '../command';
import { modelsCommand } from './models';
import { simulatorCommand } from './simulator';
import { subscribersCommand } from './subscribers';
import { systemsCommand } from './systems';

/** Every `fieldkit` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  systemsCommand,
  modelsCommand,
  subscribersCommand,
  simulatorCommand,
];
