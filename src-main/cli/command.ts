import type { ParseArgsConfig } from 'node:util';
import { calls, type Api, type CallInput, type CallName, type ParsedInput } from '../api/contract';
import type { ExitCode } from './exit-codes';
import type { CliIo } from './io';

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  io: CliIo;
  json: boolean;
  values: OptionValues;
  positionals: string[];
  /** The core's calls and events, as the app's windows have them. */
  api: Api;
  /** Signs the core in with --profile, the FIELDKIT_* variables or --demo. */
  connect(): Promise<void>;
  /** Tells the core whose cached catalogues to use (--profile, the FIELDKIT_* account, --demo), offline. */
  workOffline(): Promise<void>;
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

const SYSTEM_HINT = 'List the CloudPBX ids with `fieldkit systems`.';

/** `--system`, required and checked as the core checks a CloudPBX id: before anything is sent. */
export function requireSystem(values: OptionValues): string {
  return checkSystem(requireOption(values, 'system', SYSTEM_HINT));
}

export function checkSystem(text: string): string {
  return checkOption('system', text, 'a CloudPBX id', 'systems.get', { systemId: text }, SYSTEM_HINT)
    .systemId;
}

/** An option checked against the input schema of the call it is for, as the core will check it. */
export function checkOption<C extends CallName>(
  option: string,
  text: string,
  what: string,
  call: C,
  input: CallInput<C>,
  hint = '',
): ParsedInput<C> {
  const parsed = calls[call].input.safeParse(input);
  if (parsed.success) return parsed.data as ParsedInput<C>;
  const reason = parsed.error.issues.map((issue) => issue.message).join(' ');
  throw new UsageError(`--${option} ${JSON.stringify(text)} is not ${what}: ${reason} ${hint}`.trimEnd());
}
