import { join } from 'node:path';
import { EventBus } from '../api/events';
import { createRouter, type Router } from '../api/router';
import type { AppInfo, DiscoveryFinishedEvent, SessionState } from '../api/types';
import { createLogger, type LogLevel, type LogSink, type Logger } from '../services/log/logger';
import { Redactor } from '../services/log/redactor';
import { AuditLogs } from '../services/audit/audit-logs';
import { LatestScan } from '../services/batch/latest-scan';
import { MAX_IMPORT_BYTES } from '../shared/limits';
import { UploadStore } from '../services/files/upload-store';
import { AuditTrail } from '../services/audit/audit-trail';
import { sessionAuditLog, sessionAuditScope } from '../services/audit/session-audit';
import { DiscoveryService } from '../services/discovery/discovery-service';
import { createSystemEnvironment } from '../services/discovery/environment';
import { realScanClock } from '../services/discovery/scanner';
import { createSimulatedEnvironment } from '../services/discovery/simulated-lan';
import { DEMO_SYSTEM_IDS } from '../simulator/seed/seed-ids';
import type { RainbowClient } from '../services/rainbow';
import { systemClock } from '../services/rainbow/clock';
import { SessionService, type Credentials } from '../services/session/session-service';
import { DemoEnvironment } from './demo';
import { createHandlers } from './handlers';
import type { OpenExternal } from './handlers/session';
import { lazy } from './lazy';

/** An upload is kept this long after its last use: a technician validates, adjusts options, applies. */
const UPLOAD_TTL_MS = 60 * 60 * 1000;
const MAX_STAGED_UPLOADS = 8;

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
  /**
   * Credentials the shell was started with (the CLI's FIELDKIT_* variables), for `session.signInFromEnvironment`:
   * they come from the process, never through a call.
   */
  environmentCredentials?: Credentials;
}

/** The composition root: every service wired by hand, once, for whichever shell hosts the core. */
export interface Core {
  router: Router;
  /** Where the shells stream the files the window uploads (`POST /upload`, the upload IPC channel). */
  uploads: UploadStore;
  events: EventBus;
  redactor: Redactor;
  log: Logger;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const redactor = new Redactor();
  const log = createLogger('core', { level: options.logLevel ?? 'info', sink: options.logSink, redactor });
  const events = new EventBus();
  // Everything not needed before a scan's first probe is built, and its modules loaded, on first use (lazy.ts).
  const vault = lazy(async () => {
    const { CredentialVault, createKeytarKeychain } = await import('../services/vault');
    return new CredentialVault({
      keychain: createKeytarKeychain(options.keychainService),
      dataDir: options.dataDir,
      redactor,
    });
  });
  const demo = new DemoEnvironment();
  const { environmentCredentials } = options;

  const connect = async (
    credentials: Credentials,
    onConnectivity?: (state: 'online' | 'offline') => void,
  ): Promise<RainbowClient> => {
    const { signIn } = await import('../services/rainbow');
    return signIn(credentials, { logger: log.child('rainbow'), redactor, onConnectivity });
  };

  const session = new SessionService<RainbowClient>({
    credentialsFor: async (profile) => (await vault()).credentials(profile),
    demoCredentials: () => demo.credentials(),
    ...(environmentCredentials === undefined
      ? {}
      : { environmentCredentials: () => Promise.resolve(environmentCredentials) }),
    connect,
    onChange: (state) => events.emit('session.changed', state),
  });

  const auditLogs = new AuditLogs(options.dataDir);
  const auditTrail = new AuditTrail({
    scope: () => sessionAuditScope(session, auditLogs, options.shell === 'cli' ? 'cli' : 'app'),
    now: () => systemClock.now(),
    redactor,
    logger: log.child('audit'),
  });
  const deviceFeature = lazy(async () =>
    (await import('../services/devices/device-feature')).createDeviceFeature({
      client: () => session.client(),
      audit: auditTrail,
      redactor,
      clock: systemClock,
      onRegistrations: (snapshot) => events.emit('registrations.changed', snapshot),
      onSwapProgress: (progress) => events.emit('swap.progress', progress),
    }),
  );
  events.subscribe((event, payload) => {
    const status = event === 'session.changed' ? (payload as SessionState).status : undefined;
    if (status === 'signed-out' || status === 'signing-in') {
      deviceFeature.built()?.registrations.stopAll();
    }
  });

  // Discovery scans the real LAN, except in the demo, where it scans the simulator's LAN of the chosen site.
  const systemNetwork = createSystemEnvironment({ version: options.version });
  const discovery = new DiscoveryService({
    environment: (systemId) =>
      session.state.demo
        ? createSimulatedEnvironment(
            async () => (await demo.tenant()).simulatedPhones(systemId ?? DEMO_SYSTEM_IDS.lyon),
            realScanClock,
          )
        : systemNetwork,
    pbxDirectory: () =>
      session.state.status === 'online' || session.state.status === 'offline' ? session.client() : undefined,
    events: {
      found: (event) => events.emit('discovery.found', event),
      progress: (event) => events.emit('discovery.progress', event),
      finished: (event) => events.emit('discovery.finished', event),
    },
    log: log.child('discovery'),
  });

  // Imports: runs journalled in the profile's data folder; files compared with the session's latest scan.
  const importRuns = lazy(async () => {
    const { ApplyRuns } = await import('../services/batch/apply/apply-runs');
    return new ApplyRuns({
      dataDir: options.dataDir,
      now: () => systemClock.now(),
      onProgress: (progress) => events.emit('batch.progress', progress),
      keySheets: async () => (await deviceFeature()).keyImport,
    });
  });
  const latestScan = new LatestScan((scanId) =>
    discovery.results(scanId).devices.map((device) => device.mac),
  );
  events.subscribe((event, payload) => {
    if (event === 'discovery.finished') latestScan.scanEnded(payload as DiscoveryFinishedEvent);
    const status = event === 'session.changed' ? (payload as SessionState).status : undefined;
    if (status === 'signed-out' || status === 'signing-in') latestScan.forget();
  });

  const latestScanDevices = () => {
    const scanId = latestScan.scanId();
    return scanId === undefined ? undefined : discovery.results(scanId).devices;
  };

  const diagnosis = lazy(async () => {
    const { DeviceDiagnoseService } = await import('../services/diagnose/device-diagnose-service');
    const { NumberDiagnoseService } = await import('../services/diagnose/number-diagnose-service');
    return {
      device: new DeviceDiagnoseService({
        client: () => session.client(),
        audit: auditTrail,
        sighting: (mac) => {
          const devices = latestScanDevices();
          if (devices === undefined) return undefined;
          const seen = devices.find((device) => device.mac === mac);
          return seen === undefined ? null : { ip: seen.ip, model: seen.model, firmware: seen.firmware };
        },
        clock: systemClock,
      }),
      number: new NumberDiagnoseService({ client: () => session.client(), audit: auditTrail }),
    };
  });

  // The site check reads the real LAN port, except in the demo, where a simulated site answers and nothing is sent.
  // With a CloudPBX chosen it adds the diagnosis of the phones on the port: those of the latest discovery, or in
  // the demo those of the simulated site (the demo CloudPBX's LAN); without a discovery (the CLI's usual case),
  // the ALE phones of the machine's neighbour table.
  const siteCheck = lazy(async () => {
    const { SiteCheckService } = await import('../services/site-check/site-check-service');
    const { cloudPbxJoin } = await import('../services/site-check/cloudpbx-join');
    const { createSimulatedSite } = await import('../services/site-check/simulated-site');
    const { createSystemSiteNetwork } = await import('../services/site-check/system-site-network');
    const { neighbourPhoneReader } = await import('../services/site-check/port-neighbours');
    const { createNeighbourReader } = await import('../services/discovery/system-network');
    const systemSite = createSystemSiteNetwork();
    const simulatedSite = createSimulatedSite();
    return new SiteCheckService(
      () => (session.state.demo ? simulatedSite : systemSite),
      cloudPbxJoin({
        phones: async (systemId) =>
          session.state.demo
            ? (await demo.tenant())
                .simulatedPhones(systemId)
                .flatMap((phone) =>
                  phone.mac !== undefined && phone.online ? [{ mac: phone.mac, ip: phone.ip }] : [],
                )
            : latestScanDevices(),
        neighbourPhones: neighbourPhoneReader(createNeighbourReader()),
        diagnose: async (systemId, mac) =>
          (await diagnosis()).device.diagnose({ systemId, by: 'mac', identifier: mac }),
      }),
    );
  });

  // Import files picked in the window: staged in the data folder, named by id in batch calls.
  const uploads = new UploadStore({
    folder: join(options.dataDir, 'uploads'),
    maxBytes: MAX_IMPORT_BYTES,
    ttlMs: UPLOAD_TTL_MS,
    maxFiles: MAX_STAGED_UPLOADS,
    now: () => systemClock.now(),
  });

  const appInfo = async (): Promise<AppInfo> => ({
    version: options.version,
    shell: options.shell,
    startInDemo: options.startInDemo ?? false,
    keychain: await (await vault()).checkAvailable(),
  });

  const router = createRouter(
    createHandlers({
      appInfo,
      session,
      discovery,
      profiles: lazy(async () => ({ vault: await vault(), probe: (c) => connect(c) })),
      cloudPbxViews: lazy(async () => {
        const { CloudPbxViewsService } = await import('../services/cloudpbx/cloudpbx-views-service');
        return new CloudPbxViewsService(() => session.client());
      }),
      openExternal: options.openExternal,
      deviceFeature,
      audit: { currentLog: () => sessionAuditLog(session, auditLogs), now: () => systemClock.now() },
      batch: lazy(async () => {
        const { CatalogStore } = await import('../services/catalog');
        const { accountKeyOf } = await import('./account-key');
        return {
          session,
          catalogs: new CatalogStore(options.dataDir),
          now: () => systemClock.now(),
          runs: await importRuns(),
          accountKey: () => accountKeyOf(session.state, environmentCredentials),
          explicitJournals: options.shell === 'cli',
          discovered: () => latestScan.macs(),
          uploads,
        };
      }),
      diagnose: diagnosis,
      siteCheck,
    }),
    log.child('api'),
  );

  return {
    router,
    uploads,
    events,
    redactor,
    log,
    close: async () => {
      deviceFeature.built()?.registrations.stopAll();
      await discovery.close();
      await importRuns.built()?.close();
      await session.signOut();
      await demo.close();
      await uploads.close();
    },
  };
}
