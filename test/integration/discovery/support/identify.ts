// Runs `discovery.identify` on this machine's real network for each address given, as the app does; the
// discovery tests run it inside a lab namespace through test/integration/vault/support/run-typescript.mjs.
import { DiscoveryService } from '../../../../src-main/services/discovery/discovery-service';
import { createSystemEnvironment } from '../../../../src-main/services/discovery/environment';
import type { IdentifyResult } from '../../../../src-main/services/discovery/types';

export async function main(addresses: string[]): Promise<IdentifyResult[]> {
  const environment = createSystemEnvironment({ version: 'test' });
  const ignore = (): void => undefined;
  const service = new DiscoveryService({
    environment: () => environment,
    pbxDirectory: () => undefined,
    events: { found: ignore, progress: ignore, finished: ignore },
  });
  return Promise.all(addresses.map((ip) => service.identify({ ip })));
}
