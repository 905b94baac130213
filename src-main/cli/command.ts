import type { ParseArgsConfig } from 'node:util';
import type { RainbowClient } from '../services/rainbow';
import type { RunningSimulator } from '../simulator';
import type { ExitCode } from './exit-codes';
import type { CliIo } from './io';

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  io: CliIo;
  json: boolean;
  values: OptionValues;
  positionals: string[];
  /** Signs in with --profile, the FIELDKIT_* variables or --demo. */
  connect(): Promise<RainbowClient>;
  /** With --demo: the in-process simulator that `connect` signs in to (its tenant backs the simulated LAN). */
  demo: (() => Promise<RunningSimulator>) | undefined;
}

export interface Command {
  /** One word (`systems`), or two for a verb of a group (`device add`). */
  name: string;
  summary: string;
  usage: string;
  options: OptionsConfig;
  /** Accepts positional arguments (e.g. a FILE); they reach `run` as `positionals`. */
  positionals?: boolean;
  run(context: CommandContext): Promise<ExitCode>;
}

/** Reads a required string option, or fails as a usage error naming it. */
export function requireOption(values: OptionValues, name: string, hint: string): string {
  const value = values[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new UsageError(`--${name} is required. ${hint}`);
}

export class UsageError extends Error {
  override name = 'UsageError';
}
