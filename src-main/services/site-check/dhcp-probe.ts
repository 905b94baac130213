// The one active probe of the DHCP check: a single DISCOVER, then every OFFER heard for a while. It never sends a
// REQUEST, so no server hands out a lease (servers keep an offered address aside for a minute at most).
import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { decodeOffer, DHCP_MESSAGE_TYPE, encodeDiscover, type DhcpOffer } from './dhcp-message';

const SERVER_PORT = 67;
const CLIENT_PORT = 68;

export interface DhcpProbeOptions {
  readonly mac: string;
  /** The interface's directed broadcast (e.g. 192.168.1.255) so the DISCOVER leaves through that interface. */
  readonly broadcast: string;
  readonly listenMs: number;
}

export type DhcpProbeResult =
  | { readonly kind: 'heard'; readonly offers: readonly DhcpOffer[] }
  | { readonly kind: 'needs-privileges'; readonly reason: string };

const macBytes = (mac: string): Buffer => Buffer.from(mac.replaceAll(/[:-]/g, ''), 'hex');

/** Sends one DISCOVER and collects the OFFERs answering it until `listenMs` has passed. */
export function probeDhcp(options: DhcpProbeOptions): Promise<DhcpProbeResult> {
  const transactionId = randomInt(1, 2 ** 32 - 1);
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  const offers = new Map<string, DhcpOffer>();
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: DhcpProbeResult): void => {
      clearTimeout(timer);
      socket.close();
      resolve(result);
    };
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.close();
      if (error.code === 'EACCES' || error.code === 'EPERM')
        resolve({
          kind: 'needs-privileges',
          reason: `binding UDP port ${CLIENT_PORT} was refused (${error.code})`,
        });
      else if (error.code === 'EADDRINUSE')
        resolve({
          kind: 'needs-privileges',
          reason: `UDP port ${CLIENT_PORT} is held by this machine's DHCP client`,
        });
      else reject(error);
    });
    socket.on('message', (bytes, sender) => {
      const offer = decodeOffer(bytes, transactionId, sender.address);
      if (offer?.messageType === DHCP_MESSAGE_TYPE.offer && !offers.has(offer.server))
        offers.set(offer.server, offer);
    });
    socket.bind(CLIENT_PORT, () => {
      socket.setBroadcast(true);
      const discover = encodeDiscover({ transactionId, mac: macBytes(options.mac) });
      socket.send(discover, SERVER_PORT, options.broadcast, (error) => {
        if (error) {
          socket.emit('error', error);
          return;
        }
        timer = setTimeout(() => finish({ kind: 'heard', offers: [...offers.values()] }), options.listenMs);
      });
    });
  });
}
