import { parseArgs } from 'node:util';
import type { Api } from '../api/contract';
import { defaultDataDir } from '../app/data-dir';
import { VERSION } from '../app/version';
import { createLogger, type LogSink } from '../services/log/logger';
import type { Redactor } from '../services/log/redactor';
import {
  UsageError,
  type Command,
  type CommandContext,
  type OptionValues,
  type OptionsConfig,
} from './command';
import { COMMANDS } from './commands';
import { openCoreClient, type CoreClient } from './core-client';
import { credentialsFromEnv, NO_CREDENTIALS_HINT } from './credentials';
import { errorData, EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { printJson, processIo, terminalSafe, type CliIo } from './io';

const GLOBAL_OPTIONS: OptionsConfig = {
  json: { type: 'boolean', default: false },
  profile: { type: 'string' },
  demo: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

export interface CliOptions {
  /** Keychain service for --profile look-ups; tests use their own. */
  keychainService?: string;
}

/** Runs one `fieldkit` invocation and answers its exit code; never throws. */
export async function runCli(
  argv: string[],
  terminal: CliIo = processIo,
  options: CliOptions = {},
): Promise<ExitCode> {
  const io = terminalSafe(terminal);
  const [name] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return EXIT.ok;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = findCommand(argv);
  if (!command) {
    io.stderr(`fieldkit: unknown command "${argv.slice(0, 2).join(' ')}".\n\n${usage()}`);
    return EXIT.usage;
  }
  const args = argv.slice(command.name.split(' ').length);

  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      strict: true,
      allowPositionals: command.positionals === true,
    }));
  } catch (error) {
    io.stderr(`fieldkit ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
    return EXIT.usage;
  }
  if (values.help === true) {
    io.stdout(`${command.summary}.\nUsage: ${command.usage}\n${GLOBAL_HELP}`);
    return EXIT.ok;
  }

  const json = values.json === true;
  const sink: LogSink = (line) => io.stderr(`${line}\n`);
  const logLevel = values.verbose === true ? 'debug' : 'warn';
  let client: CoreClient | undefined;
  // The core is built on first use: `import --template` or `simulator` never need it (nor credentials).
  const core = (): CoreClient => {
    client ??= openCoreClient({
      dataDir: defaultDataDir(io.env),
      version: VERSION,
      keychainService: options.keychainService,
      logLevel,
      logSink: sink,
      environmentCredentials: usesEnvironment(values) ? credentialsFromEnv(io.env) : undefined,
    });
    return client;
  };
  const context: CommandContext = {
    io,
    json,
    values,
    positionals,
    get api(): Api {
      return core().api;
    },
    connect: async () => {
      const { session } = core().api;
      if (values.demo === true) await session.openDemo({});
      else if (typeof values.profile === 'string') await session.signIn({ profile: values.profile });
      else if (credentialsFromEnv(io.env) !== undefined) await session.signInFromEnvironment({});
      else throw new UsageError(`No credentials. ${NO_CREDENTIALS_HINT}`);
    },
    workOffline: async () => {
      const { session } = core().api;
      if (values.demo === true) await session.workOffline({ demo: true });
      else if (typeof values.profile === 'string') await session.workOffline({ profile: values.profile });
      else if (credentialsFromEnv(io.env) !== undefined) await session.workOffline({ environment: true });
      else
        throw new UsageError(
          'Catalogues are kept per account: pass --profile NAME, set the FIELDKIT_* variables, or use --demo.',
        );
    },
  };
  try {
    return await command.run(context);
  } catch (error) {
    return report(error, io, json, command, client?.redactor, sink);
  } finally {
    await client?.close();
  }
}

/** The FIELDKIT_* variables are the credentials only when neither --demo nor --profile is given. */
function usesEnvironment(values: OptionValues): boolean {
  return values.demo !== true && typeof values.profile !== 'string';
}

/** `device add …` matches the two-word command before any one-word one. */
function findCommand(argv: string[]): Command | undefined {
  const words = (command: Command): string[] => command.name.split(' ');
  return [...COMMANDS]
    .sort((a, b) => words(b).length - words(a).length)
    .find((command) => words(command).every((word, index) => argv[index] === word));
}

function report(
  error: unknown,
  io: CliIo,
  json: boolean,
  command: Command,
  /** The core's, when it was built: only then can a secret have been seen. */
  redactor: Redactor | undefined,
  sink: LogSink,
): ExitCode {
  if (error instanceof UsageError) {
    io.stderr(`fieldkit ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
    if (json) printJson(io, { error: { code: 'invalid-input', message: error.message } });
    return EXIT.usage;
  }
  const data = errorData(error);
  if (data !== undefined) {
    data.message = redactor?.redact(data.message) ?? data.message;
    io.stderr(`fieldkit ${command.name}: ${data.message}\n${data.hint ? `${data.hint}\n` : ''}`);
    if (json) printJson(io, { error: data });
    return exitCodeFor(error);
  }
  createLogger('cli', { level: 'error', sink, redactor }).error(`${command.name} failed unexpectedly`, error);
  if (json)
    printJson(io, {
      error: { code: 'internal', message: 'Unexpected error; run with --verbose for details.' },
    });
  return EXIT.partial;
}

const GLOBAL_HELP = `
Credentials: --profile NAME (saved in the app, secrets in the OS keychain), or the variables FIELDKIT_HOST,
FIELDKIT_LOGIN, FIELDKIT_PASSWORD, FIELDKIT_APP_ID, FIELDKIT_APP_SECRET, or --demo (built-in simulator).
Options for every command: --json (one JSON document on stdout; logs on stderr), --verbose, --help.
Exit codes: 0 ok, 1 partial failure, 2 bad input or usage, 3 authentication failed, 4 service unreachable.
`;

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Fieldkit ${VERSION}: ALE deskphones and DECT handsets on Rainbow Voice, from the terminal.

Usage: fieldkit <command> [options]

Commands:
${lines.join('\n')}

Run \`fieldkit <command> --help\` for a command's options.
${GLOBAL_HELP}`;
}
