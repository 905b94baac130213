/**
 * The second look at a host that has an ALE MAC but did not answer SIP (a phone whose SIP stack is not up
 * yet): a TCP connect to its admin page on port 80 and a plain GET of `/`, whose title names the model.
 */
import { connect } from 'node:net';
import type { DeviceIdentity } from './user-agent';

const HTTP_PORT = 80;
const MAX_PAGE_BYTES = 16_384;

/** The identity an admin page shows: `<title>ALE M5-CE</title>` → vendor ALE, model M5-CE. */
export function parseAdminPage(response: string): DeviceIdentity {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(response)?.[1]?.trim();
  const ale = title === undefined ? null : /^ALE\s+(\S+)/.exec(title);
  return ale?.[1] ? { vendor: 'ALE', model: ale[1] } : {};
}

/**
 * Connects to `ip`:80 and reads the start of its home page. Undefined when nothing listens there (or it does
 * not answer within `timeoutMs`); an empty identity when it answers with a page that names no model.
 */
export function identifyByWebPage(
  ip: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<DeviceIdentity | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port: HTTP_PORT });
    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      socket.destroy();
      resolve(connected ? parseAdminPage(Buffer.concat(chunks).toString('latin1')) : undefined);
    };
    const timer = setTimeout(finish, timeoutMs);
    signal?.addEventListener('abort', finish, { once: true });
    socket.once('connect', () => {
      connected = true;
      socket.write(`GET / HTTP/1.0\r\nHost: ${ip}\r\nUser-Agent: Fieldkit\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_PAGE_BYTES) finish();
    });
    socket.once('end', finish);
    socket.once('error', finish);
  });
}
