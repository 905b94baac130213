import { EventBus } from '../api/events';
import { createRouter, type Router } from '../api/router';
import type { AppInfo } from '../api/types';
import { createLogger, type LogLevel, type LogSink, type Logger } from '../services/log/logger';
import { Redactor } from '../services/log/redactor';
import { signIn, type RainbowClient } from '../services/rainbow';
import { SessionService, type Credentials } from '../services/session/session-service';
import { CredentialVault, createKeytarKeychain } from '../services/vault';
import { DemoEnvironment } from './demo';
import { createHandlers } from './handlers';
import type { OpenExternal } from './handlers/session';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  version: string;
  startInDemo?: boolean;
  /** Keychain service name; tests use their own so they never touch a technician's saved profiles. */
  keychainService?: string;
  logLevel?: LogLevel;
  logSink?: LogSink;
  /** The shell's way to open an https address in the system browser (Electron's shell.openExternal). */
  openExternal?: OpenExternal;
}

/** The composition root: every service wired by hand, once, for whichever shell hosts the core. */
export interface Core {
  router: Router;
  events: EventBus;
  redactor: Redactor;
  log: Logger;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const redactor = new Redactor();
  const log = createLogger('core', { level: options.logLevel ?? 'info', sink: options.logSink, redactor });
  const events = new EventBus();
  const vault = new CredentialVault({
    keychain: createKeytarKeychain(options.keychainService),
    dataDir: options.dataDir,
    redactor,
  });
  const demo = new DemoEnvironment();

  const connect = (credentials: Credentials, onConnectivity?: (state: 'online' | 'offline') => void) =>
    signIn(credentials, { logger: log.child('rainbow'), redactor, onConnectivity });

  const session = new SessionService<RainbowClient>({
    credentialsFor: (profile) => vault.credentials(profile),
    demoCredentials: () => demo.credentials(),
    connect,
    onChange: (state) => events.emit('session.changed', state),
  });

  const appInfo = async (): Promise<AppInfo> => ({
    version: options.version,
    shell: options.shell,
    startInDemo: options.startInDemo ?? false,
    keychain: await vault.checkAvailable(),
  });

  const router = createRouter(
    createHandlers({ appInfo, vault, session, probe: (c) => connect(c), openExternal: options.openExternal }),
    log.child('api'),
  );

  return {
    router,
    events,
    redactor,
    log,
    close: async () => {
      await session.signOut();
      await demo.close();
    },
  };
}
