import type { DiscoveryService } from '../../services/discovery/discovery-service';
import type { NamespaceHandlers } from './handler-types';

export function discoveryHandlers(discovery: DiscoveryService): NamespaceHandlers<'discovery'> {
  return {
    'discovery.interfaces': () => discovery.interfaces(),
    'discovery.plan': (request) => discovery.plan(request),
    'discovery.start': (request) => discovery.start(request),
    'discovery.stop': ({ scanId }) => discovery.stop(scanId),
    'discovery.results': ({ scanId }) => discovery.results(scanId),
    'discovery.identify': (request) => discovery.identify(request),
  };
}
