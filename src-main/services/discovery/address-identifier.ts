/**
 * "Identify the phone at 10.1.2.3": one SIP OPTIONS to the address and, at the same time, a MAC look-up
 * through the node-arp wrapper; the neighbour table is read when node-arp has nothing usable.
 */
import type { ArpLookupResult } from './node-arp-lookup';
import type { SipSocket } from './network-sweep';
import type { AddressIdentifier, NeighbourReader, ScanObservation } from './scanner';
import { buildOptionsRequest, parseOptionsAnswer } from './sip-options';
import { parseUserAgent } from './user-agent';

export interface AddressIdentifierPorts {
  openSipSocket(onDatagram: (ip: string, text: string) => void): Promise<SipSocket>;
  lookupMac(ip: string): Promise<ArpLookupResult>;
  readNeighbours: NeighbourReader;
  userAgent: string;
  newToken(): string;
}

export function createAddressIdentifier(ports: AddressIdentifierPorts): AddressIdentifier {
  return {
    async identify(ip, localAddress, timeoutMs) {
      const [sip, arp] = await Promise.all([askSip(ports, ip, localAddress, timeoutMs), ports.lookupMac(ip)]);
      const mac = arp.ok
        ? arp.mac
        : (await ports.readNeighbours().catch(() => [])).find((entry) => entry.ip === ip)?.mac;
      const observations: ScanObservation[] = [];
      if (mac !== undefined) observations.push({ source: 'arp', ip, mac });
      if (sip !== undefined) observations.push(sip);
      return observations;
    },
  };
}

async function askSip(
  ports: AddressIdentifierPorts,
  ip: string,
  localAddress: string,
  timeoutMs: number,
): Promise<ScanObservation | undefined> {
  const token = ports.newToken();
  let answered: (observation: ScanObservation) => void = () => undefined;
  const answer = new Promise<ScanObservation>((resolve) => (answered = resolve));
  const socket = await ports.openSipSocket((from, text) => {
    const parsed = from === ip ? parseOptionsAnswer(text, token) : undefined;
    if (!parsed) return;
    answered({ source: 'sip', ip, identity: parsed.userAgent ? parseUserAgent(parsed.userAgent) : {} });
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const payload = buildOptionsRequest({
      target: ip,
      localAddress,
      localPort: socket.localPort,
      callIdPrefix: token,
      userAgent: ports.userAgent,
    });
    await socket.send(ip, payload).catch(() => undefined);
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
    socket.close();
  }
}
