import type { RainbowClient } from '../../services/rainbow';
import { normaliseRainbowHost } from '../../services/rainbow/host';
import type { SessionService } from '../../services/session/session-service';
import type { SiteCheckService } from '../../services/site-check/site-check-service';
import type { SiteCheckTargets } from '../../services/site-check/types';
import type { NamespaceHandlers } from './handler-types';

/** Rainbow's public host: what the demo and a check without a profile aim at. */
export const DEFAULT_RAINBOW_HOST = 'openrainbow.com';

/** The Rainbow host of the session's profile, and the SIP domain of the CloudPBX when one is chosen. */
async function targetsOf(
  session: SessionService<RainbowClient>,
  systemId: string | undefined,
): Promise<SiteCheckTargets> {
  const { host, demo } = session.state;
  const rainbowHost = demo || !host ? DEFAULT_RAINBOW_HOST : normaliseRainbowHost(host).hostname;
  if (systemId === undefined) return { rainbowHost, sipProxy: null };
  const system = await session.client().getSystem(systemId);
  return { rainbowHost, sipProxy: system.cloudpbx?.domainName ?? null };
}

export function siteCheckHandlers(
  siteCheck: SiteCheckService,
  session: SessionService<RainbowClient>,
): NamespaceHandlers<'siteCheck'> {
  return {
    'siteCheck.run': async (request) =>
      siteCheck.run({ ...request, targets: await targetsOf(session, request.systemId) }),
  };
}
