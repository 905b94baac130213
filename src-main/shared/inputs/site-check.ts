/** Input schema of `siteCheck.run` (contract.ts uses it) and the closed list of checks `--only` may name. */
import { z } from 'zod';
import { systemId } from './ids';

/** The checks of a site check, in ladder order (product interface: `--only` and `--json` name them). */
export const SITE_CHECK_IDS = ['link', 'lldp', 'dhcp', 'dns', 'ntp', 'tls'] as const;
export type SiteCheckId = (typeof SITE_CHECK_IDS)[number];

/** Switches send LLDP every 30 s by default: one period is enough to hear one. */
export const DEFAULT_LLDP_LISTEN_SECONDS = 30;
/** LLDP is sent every 30 s by default: listening longer than two minutes only delays the report. */
export const MAX_LLDP_LISTEN_SECONDS = 120;

export const runSiteCheckInput = z
  .object({
    interface: z.string().trim().min(1).max(64).optional(),
    systemId: systemId.optional(),
    only: z
      .array(z.enum(SITE_CHECK_IDS, { error: `Checks are ${SITE_CHECK_IDS.join(', ')}.` }))
      .min(1)
      .max(SITE_CHECK_IDS.length)
      .optional(),
    listenLldpSeconds: z
      .number()
      .int('Listen for a whole number of seconds.')
      .min(1, 'Listen for at least 1 second.')
      .max(MAX_LLDP_LISTEN_SECONDS, `Listen for ${MAX_LLDP_LISTEN_SECONDS} seconds at most.`)
      .optional(),
  })
  .strict();
