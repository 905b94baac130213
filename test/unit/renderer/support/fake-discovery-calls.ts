import { vi } from 'vitest';
import type { IdentifyResult, NetworkInterfaceSummary, ScanPlan, ScanResults } from '@api/types';

export const lanInterface: NetworkInterfaceSummary = {
  name: 'eth0',
  addresses: ['192.168.1.7'],
  cidr: '192.168.1.0/24',
  isDefaultRoute: true,
};

export const scanPlan = (overrides: Partial<ScanPlan> = {}): ScanPlan => ({
  subnets: [{ cidr: '192.168.1.0/24', interface: 'eth0', localAddress: '192.168.1.7', addresses: 253 }],
  addresses: 253,
  rate: 300,
  timeoutMs: 400,
  estimatedMs: 1244,
  needsConfirmation: false,
  simulated: false,
  ...overrides,
});

export const scanResults = (scanId: string, overrides: Partial<ScanResults> = {}): ScanResults => ({
  scanId,
  simulated: false,
  state: 'finished',
  plan: scanPlan(),
  progress: { probed: 253, total: 253 },
  devices: [],
  handsets: null,
  durationMs: 1300,
  problems: [],
  ...overrides,
});

/** The discovery namespace of the fake Api (see fake-api.ts). */
export function discoveryCalls() {
  return {
    interfaces: vi.fn(async (): Promise<NetworkInterfaceSummary[]> => [lanInterface]),
    plan: vi.fn(async (): Promise<ScanPlan> => scanPlan()),
    start: vi.fn(async (input?: { scanId?: string }) => ({
      scanId: input?.scanId ?? 'scan-1',
      plan: scanPlan(),
    })),
    stop: vi.fn(async () => ({ stopped: true })),
    results: vi.fn(async ({ scanId }: { scanId: string }): Promise<ScanResults> => scanResults(scanId)),
    identify: vi.fn(async ({ ip }: { ip: string }): Promise<IdentifyResult> => ({
      ip,
      device: null,
      simulated: false,
    })),
  };
}
