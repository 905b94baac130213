import { Redactor } from './redactor';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  child(component: string): Logger;
}

export interface LogOptions {
  level?: LogLevel;
  sink?: LogSink;
  redactor?: Redactor;
}

/** Lines go to stderr (stdout belongs to the CLI's `--json` output) as `LEVEL [component] message`. */
export function createLogger(component: string, options: LogOptions = {}): Logger {
  const threshold = LEVELS[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const redactor = options.redactor ?? new Redactor();

  const write = (level: LogLevel, message: string): void => {
    if (LEVELS[level] < threshold) return;
    sink(redactor.redact(`${level.toUpperCase()} [${component}] ${message}`));
  };

  return {
    debug: (message) => write('debug', message),
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) =>
      write('error', error === undefined ? message : `${message}: ${describe(error)}`),
    child: (child) => createLogger(`${component}/${child}`, options),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** `FIELDKIT_LOG_LEVEL=debug` shows every Rainbow request (secrets are redacted all the same). */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const level = env.FIELDKIT_LOG_LEVEL;
  return level !== undefined && level in LEVELS ? (level as LogLevel) : 'info';
}

export const silentLogger: Logger = createLogger('silent', { sink: () => undefined });
