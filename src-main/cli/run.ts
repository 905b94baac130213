import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app/data-dir';
import { VERSION } from '../app/version';
import { startSimulator, type RunningSimulator } from '../simulator';
import { FieldkitError } from '../services/errors';
import { createLogger, type Logger } from '../services/log/logger';
import { Redactor } from '../services/log/redactor';
import { signIn, type RainbowClient } from '../services/rainbow';
import type { Credentials } from '../services/session/session-service';
import { CredentialVault, createKeytarKeychain } from '../services/vault';
import { UsageError, type Command, type OptionValues, type OptionsConfig } from './command';
import { COMMANDS } from './commands';
import { credentialsFromEnv, NO_CREDENTIALS_HINT } from './credentials';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
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
  const redactor = new Redactor();
  const log = createLogger('cli', {
    level: values.verbose === true ? 'debug' : 'warn',
    redactor,
    sink: (line) => io.stderr(`${line}\n`),
  });
  const cleanups: (() => Promise<void>)[] = [];
  let demoSimulator: Promise<RunningSimulator> | undefined;
  const demo = (): Promise<RunningSimulator> => {
    demoSimulator ??= startSimulator({ port: 0 }).then((simulator) => {
      cleanups.push(() => simulator.close());
      return simulator;
    });
    return demoSimulator;
  };
  try {
    const connect = async (): Promise<RainbowClient> => {
      const credentials = await resolveCredentials(values, io, options, demo);
      const client = await signIn(credentials, { logger: log.child('rainbow'), redactor });
      cleanups.push(() => client.signOut().catch(() => undefined));
      return client;
    };
    return await command.run({
      io,
      json,
      values,
      positionals,
      connect,
      demo: values.demo === true ? demo : undefined,
    });
  } catch (error) {
    return report(error, io, json, command, log, redactor);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** `device add …` matches the two-word command before any one-word one. */
function findCommand(argv: string[]): Command | undefined {
  const words = (command: Command): string[] => command.name.split(' ');
  return [...COMMANDS]
    .sort((a, b) => words(b).length - words(a).length)
    .find((command) => words(command).every((word, index) => argv[index] === word));
}

async function resolveCredentials(
  values: OptionValues,
  io: CliIo,
  options: CliOptions,
  demo: () => Promise<RunningSimulator>,
): Promise<Credentials> {
  if (values.demo === true) {
    const simulator = await demo();
    return { host: simulator.url, ...simulator.credentials };
  }
  if (typeof values.profile === 'string') {
    const vault = new CredentialVault({
      keychain: createKeytarKeychain(options.keychainService),
      dataDir: defaultDataDir(io.env),
    });
    return vault.credentials(values.profile);
  }
  const fromEnv = credentialsFromEnv(io.env);
  if (fromEnv) return fromEnv;
  throw new UsageError(`No credentials. ${NO_CREDENTIALS_HINT}`);
}

function report(
  error: unknown,
  io: CliIo,
  json: boolean,
  command: Command,
  log: Logger,
  redactor: Redactor,
): ExitCode {
  if (error instanceof UsageError) {
    io.stderr(`fieldkit ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
    if (json) printJson(io, { error: { code: 'invalid-input', message: error.message } });
    return EXIT.usage;
  }
  if (error instanceof FieldkitError) {
    const data = error.toData();
    data.message = redactor.redact(data.message);
    io.stderr(`fieldkit ${command.name}: ${data.message}\n${data.hint ? `${data.hint}\n` : ''}`);
    if (json) printJson(io, { error: data });
    return exitCodeFor(error);
  }
  log.error(`${command.name} failed unexpectedly`, error);
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
