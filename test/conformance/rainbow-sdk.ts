import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '../../src-main/simulator';

/**
 * The public Rainbow Node SDK (`rainbow-node-sdk` on npm), unmodified, from its own install in ./sdk
 * (`npm ci --ignore-scripts --prefix test/conformance/sdk`). It is CommonJS and untyped here: only the calls the
 * conformance suite makes are named below, as the SDK's `admin` service spells them.
 */
const sdkRequire = createRequire(new URL('./sdk/package.json', import.meta.url));

function loadSdk<T>(specifier: string): T {
  try {
    return sdkRequire(specifier) as T;
  } catch (error) {
    throw new Error('The conformance SDK is not installed: run `bash scripts/install-conformance-sdk.sh`', {
      cause: error,
    });
  }
}

export interface SdkAdmin {
  getCloudPbxs(): Promise<unknown>;
  getCloudPbxById(systemId: string): Promise<unknown>;
  getCloudPBXDeviceModels(systemId: string): Promise<unknown>;
  CreateCloudPBXSIPDevice(
    systemId: string,
    description: string,
    deviceTypeId: number,
    macAddress?: string,
  ): Promise<unknown>;
  getCloudPBXSIPDeviceById(systemId: string, deviceId: string): Promise<unknown>;
  getAllCloudPBXSIPDevice(systemId: string): Promise<unknown>;
  updateCloudPBXSIPDevice(
    systemId: string,
    description: string,
    deviceId: string,
    macAddress?: string,
  ): Promise<unknown>;
  assignCloudPBXSIPDeviceToSubscriber(
    systemId: string,
    phoneNumberId: string,
    deviceId: string,
  ): Promise<unknown>;
  getCloudPBXAllSIPdevicesAssignedSubscriber(
    systemId: string,
    limit: number | undefined,
    offset: number | undefined,
    sortField: string | undefined,
    sortOrder: number | undefined,
    phoneNumberId: string,
  ): Promise<unknown>;
  getCloudPBXSIPRegistrationsInformationDevice(systemId: string, deviceId: string): Promise<unknown>;
  getCloudPBXInfoAllRegisteredSIPdevicesSubscriber(systemId: string, phoneNumberId: string): Promise<unknown>;
  rebootCloudPBXSIPDevice(systemId: string, deviceId: string): Promise<unknown>;
  grantCloudPBXAccessToDebugSession(systemId: string, deviceId: string, duration?: string): Promise<unknown>;
  revokeCloudPBXAccessFromDebugSession(systemId: string, deviceId: string): Promise<unknown>;
  getCloudPBXUnassignedInternalPhonenumbers(systemId: string): Promise<unknown>;
  factoryResetCloudPBXSIPDevice(systemId: string, deviceId: string): Promise<unknown>;
  removeCloudPBXAssociationSubscriberAndSIPdevice(
    systemId: string,
    phoneNumberId: string,
    deviceId: string,
  ): Promise<unknown>;
  deleteCloudPBXSIPDevice(systemId: string, deviceId: string): Promise<unknown>;
}

export interface SignedInSdk {
  admin: SdkAdmin;
  /** The bearer token the SDK signed in with, for the steps the SDK cannot take itself. */
  token: string;
  stop(): Promise<void>;
}

interface NodeSdk {
  admin: SdkAdmin;
  startCLI(): Promise<unknown>;
  signinCLI(): Promise<{ token: string }>;
  stop(): Promise<unknown>;
}

/**
 * Starts the SDK in its command-line mode (REST only: no XMPP, no S2S) against the simulator and signs in with
 * the demo account. A host other than `sandbox` or `openrainbow.com` makes the SDK take its `any` HTTP settings
 * (lib/config/Options.js, `_getHTTPOptions`), whose port and protocol are read from its exported config: they
 * are pointed at the simulator's plain-HTTP loopback port. The SDK keeps a config.ini under `APPDATA`: a
 * temporary folder here, so a test run leaves nothing in the home folder.
 */
export async function signInWithSdk(simulator: RunningSimulator): Promise<SignedInSdk> {
  const appData = mkdtempSync(join(tmpdir(), 'fieldkit-sdk-'));
  const previousAppData = process.env['APPDATA'];
  process.env['APPDATA'] = appData;
  const { config } = loadSdk<{ config: { any: { http: { protocol: string; port: string } } } }>(
    'rainbow-node-sdk/lib/config/config.js',
  );
  config.any.http.protocol = 'http';
  config.any.http.port = String(simulator.port);
  const NodeSDK = loadSdk<new (options: object) => NodeSdk>('rainbow-node-sdk');
  const { login, password, appId, appSecret } = simulator.credentials;
  const sdk = new NodeSDK({
    rainbow: { host: new URL(simulator.url).hostname, mode: 'cli' },
    credentials: { login, password },
    application: { appID: appId, appSecret },
    logs: { enableConsoleLogs: false, enableFileLogs: false },
    im: {},
    // Both would reach the internet (the npm registry, public DNS) before signing in.
    testOutdatedVersion: false,
    testDNSentry: false,
  });
  await sdk.startCLI();
  const { token } = await sdk.signinCLI();
  return {
    admin: sdk.admin,
    token,
    stop: async () => {
      await sdk.stop();
      if (previousAppData === undefined) delete process.env['APPDATA'];
      else process.env['APPDATA'] = previousAppData;
      rmSync(appData, { recursive: true, force: true });
    },
  };
}
