// The phones this laptop's neighbour (ARP) table knows on a port: where the `cloudpbx` check finds the port's phones
// when no discovery ran this session (the CLI's usual case). Reading the table sends nothing; it only knows the hosts
// this laptop exchanged packets with recently.
import type { NeighbourEntry } from '../discovery/neighbour-parsers';
import { classifyMac } from '../discovery/vendors';
import type { PortPhone } from './cloudpbx-join';
import type { SiteCheckSubject } from './types';

/**
 * The ALE deskphones and DECT bases (by MAC prefix) among the table's entries for this port. The table names the
 * interface (Linux, macOS) or its address (Windows); an entry that names neither is kept, and the port's subnets
 * sort it out.
 */
export function phonesInNeighbourTable(
  entries: readonly NeighbourEntry[],
  port: Pick<SiteCheckSubject, 'interface' | 'addresses'>,
): PortPhone[] {
  const names = new Set([port.interface, ...port.addresses.map((cidr) => cidr.split('/')[0])]);
  return entries
    .filter((entry) => entry.device === undefined || names.has(entry.device))
    .filter((entry) => {
      const kind = classifyMac(entry.mac).kind;
      return kind === 'deskphone' || kind === 'dect-base';
    })
    .map(({ mac, ip }) => ({ mac, ip }));
}

/** Reads the table (discovery's reader for this platform) and keeps the port's phones. */
export function neighbourPhoneReader(
  readNeighbours: () => Promise<NeighbourEntry[]>,
): (port: SiteCheckSubject) => Promise<PortPhone[]> {
  return async (port) => phonesInNeighbourTable(await readNeighbours(), port);
}
