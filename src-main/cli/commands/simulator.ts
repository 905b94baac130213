import type { Command, OptionValues } from '../command';
import { UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';

export const simulatorCommand: Command = {
  name: 'simulator',
  summary: 'Run the Rainbow simulator (demo tenant) on 127.0.0.1 until stopped',
  usage:
    'fieldkit simulator [--port N] [--token-lifetime S] [--latency MS] [--error-rate F] [--timeout-rate F] ' +
    '[--rate-limit-rate F] [--retry-after S] [--registration-delay MS] [--page-cap N] [--json]',
  options: {
    port: { type: 'string', default: '0' },
    'token-lifetime': { type: 'string' },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
    'timeout-rate': { type: 'string' },
    'rate-limit-rate': { type: 'string' },
    'retry-after': { type: 'string' },
    'registration-delay': { type: 'string' },
    'page-cap': { type: 'string' },
  },
  async run({ io, json, values }) {
    // Loaded here, not at start-up: no other command needs the simulator's code.
    const { startSimulator } = await import('../../simulator');
    const simulator = await startSimulator({
      port: integer(values, 'port', 0, 65535) ?? 0,
      tokenLifetimeSeconds: integer(values, 'token-lifetime', 1, 86_400),
      registrationDelayMs: integer(values, 'registration-delay', 0, 600_000),
      pageCap: integer(values, 'page-cap', 1, 10_000),
      faults: {
        latencyMs: integer(values, 'latency', 0, 60_000),
        errorRate: fraction(values, 'error-rate'),
        timeoutRate: fraction(values, 'timeout-rate'),
        rateLimitRate: fraction(values, 'rate-limit-rate'),
        retryAfterSeconds: integer(values, 'retry-after', 0, 3600),
      },
    });
    const { url, credentials } = simulator;
    if (json) printJson(io, { url, credentials });
    else {
      io.stdout(
        `Rainbow simulator on ${url}\n` +
          `  FIELDKIT_HOST=${url}\n  FIELDKIT_LOGIN=${credentials.login}\n  FIELDKIT_PASSWORD=${credentials.password}\n` +
          `  FIELDKIT_APP_ID=${credentials.appId}\n  FIELDKIT_APP_SECRET=${credentials.appSecret}\n` +
          'Press Ctrl+C to stop.\n',
      );
    }
    await io.untilInterrupted();
    await simulator.close();
    return EXIT.ok;
  },
};

function integer(values: OptionValues, name: string, min: number, max: number): number | undefined {
  const raw = values[name];
  if (typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

function fraction(values: OptionValues, name: string): number | undefined {
  const raw = values[name];
  if (typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--${name} must be a fraction from 0 to 1, not "${raw}".`);
  }
  return value;
}
