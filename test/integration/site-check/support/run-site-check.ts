// Runs a site check on this machine's real network, as the app does but with the lab's test CA and the laptop's
// own lldpd socket; the site-check lab test runs it inside the lab's laptop namespace through
// test/integration/vault/support/run-typescript.mjs.
import { SiteCheckService } from '../../../../src-main/services/site-check/site-check-service';
import { createSystemSiteNetwork } from '../../../../src-main/services/site-check/system-site-network';
import type { SiteCheckReport, SiteCheckRequest } from '../../../../src-main/services/site-check/types';

export interface LabSiteCheck {
  readonly request: SiteCheckRequest;
  readonly lldpSocket: string;
  readonly extraCa: string;
  readonly dhclientLeaseFile?: string;
}

export async function main([json]: string[]): Promise<SiteCheckReport> {
  const { request, lldpSocket, extraCa, dhclientLeaseFile } = JSON.parse(json ?? '{}') as LabSiteCheck;
  const network = createSystemSiteNetwork({
    lldpSocket,
    extraCa,
    ...(dhclientLeaseFile === undefined ? {} : { dhclientLeaseFile }),
  });
  return new SiteCheckService(() => network).run(request);
}
