// One SNTP exchange (RFC 4330): a 48-byte client request, the server's reply, and the clock offset it implies.
import { createSocket } from 'node:dgram';

const NTP_PORT = 123;
const NTP_TO_UNIX_SECONDS = 2_208_988_800;
const CLIENT_MODE_V4 = 0x23; // LI 0, version 4, mode 3 (client)

export type SntpResult =
  | {
      readonly kind: 'answered';
      readonly offsetMs: number;
      readonly stratum: number;
      readonly roundTripMs: number;
    }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'unreachable'; readonly reason: string };

function readTimestamp(bytes: Buffer, offset: number): number {
  const seconds = bytes.readUInt32BE(offset) - NTP_TO_UNIX_SECONDS;
  const fraction = bytes.readUInt32BE(offset + 4) / 2 ** 32;
  return (seconds + fraction) * 1000;
}

/**
 * The offset of the server's clock to ours, from the four timestamps of one exchange (t1 sent, t2 received by
 * the server, t3 sent by the server, t4 received back): ((t2 - t1) + (t3 - t4)) / 2. Undefined for a reply that
 * is not a server's answer (a kiss-of-death has stratum 0).
 */
export function sntpOffset(
  reply: Buffer,
  sentAt: number,
  receivedAt: number,
): { offsetMs: number; stratum: number; roundTripMs: number } | undefined {
  if (reply.length < 48 || (reply[0] ?? 0) % 8 !== 4) return undefined; // mode 4: server
  const stratum = reply[1] ?? 0;
  if (stratum === 0) return undefined;
  const serverReceived = readTimestamp(reply, 32);
  const serverSent = readTimestamp(reply, 40);
  return {
    offsetMs: Math.round((serverReceived - sentAt + (serverSent - receivedAt)) / 2),
    stratum,
    roundTripMs: Math.max(0, Math.round(receivedAt - sentAt - (serverSent - serverReceived))),
  };
}

/** Sends one request to `server` and waits `timeoutMs` at most for its answer. */
export function sntpQuery(server: string, timeoutMs: number, now: () => number): Promise<SntpResult> {
  const socket = createSocket('udp4');
  const request = Buffer.alloc(48);
  request[0] = CLIENT_MODE_V4;
  return new Promise((resolve) => {
    let sentAt = 0;
    const finish = (result: SntpResult): void => {
      clearTimeout(timer);
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: 'no-answer' }), timeoutMs);
    socket.on('error', (error) => finish({ kind: 'unreachable', reason: error.message }));
    socket.on('message', (reply) => {
      const answer = sntpOffset(reply, sentAt, now());
      if (answer) finish({ kind: 'answered', ...answer });
    });
    sentAt = now();
    socket.send(request, NTP_PORT, server, (error) => {
      if (error) finish({ kind: 'unreachable', reason: error.message });
    });
  });
}
