import type { Check, CheckReport } from '../../shared/check-ladder';
import type { SiteCheckId } from '../../shared/inputs/site-check';

export { SITE_CHECK_IDS, type SiteCheckId } from '../../shared/inputs/site-check';

/** The port a site check was run from: the interface and its addresses. */
export interface SiteCheckSubject {
  readonly interface: string;
  readonly mac: string | null;
  readonly addresses: readonly string[];
  /** True for the demo's simulated site: nothing was sent on any network. */
  readonly simulated: boolean;
}

export type SiteCheckReport = CheckReport<SiteCheckSubject>;

/** What the checks aim at: the Rainbow host of the profile and the CloudPBX's SIP outbound proxy. */
export interface SiteCheckTargets {
  readonly rainbowHost: string;
  /** `host` or `host:port` (5061 unless told); null when no CloudPBX was chosen. */
  readonly sipProxy: string | null;
}

export interface SiteCheckRequest {
  readonly interface?: string;
  readonly only?: readonly SiteCheckId[];
  /** How long to listen for LLDP/CDP at most (seconds). */
  readonly listenLldpSeconds?: number;
  readonly targets: SiteCheckTargets;
  /** The CloudPBX chosen, whose view of the port's phones the report adds when the service has that side. */
  readonly systemId?: string;
}

export type SiteCheck = Check & { readonly id: SiteCheckId };
