import { describe, expect, it } from 'vitest';
import { sntpOffset } from '../../../src-main/services/site-check/sntp';

const NTP_EPOCH_OFFSET_S = 2_208_988_800;

function reply(serverReceivedMs: number, serverSentMs: number, { mode = 4, stratum = 2 } = {}): Buffer {
  const bytes = Buffer.alloc(48);
  bytes[0] = (4 << 3) | mode;
  bytes[1] = stratum;
  const write = (offset: number, ms: number): void => {
    bytes.writeUInt32BE(Math.floor(ms / 1000) + NTP_EPOCH_OFFSET_S, offset);
    bytes.writeUInt32BE(Math.round(((ms % 1000) / 1000) * 2 ** 32), offset + 4);
  };
  write(32, serverReceivedMs);
  write(40, serverSentMs);
  return bytes;
}

describe('SNTP offset', () => {
  it("is the server clock's distance to ours, the network delay taken out", () => {
    const t1 = 1_780_000_000_000;
    // The server is 3 h ahead; 40 ms each way; it took 2 ms to answer.
    const ahead = 3 * 3_600_000;
    const answer = sntpOffset(reply(t1 + 40 + ahead, t1 + 42 + ahead), t1, t1 + 82);
    expect(answer).toEqual({ offsetMs: ahead, stratum: 2, roundTripMs: 80 });
  });

  it('refuses a reply that is not from a server, or a kiss-of-death', () => {
    const now = 1_780_000_000_000;
    expect(sntpOffset(reply(now, now, { mode: 3 }), now, now)).toBeUndefined();
    expect(sntpOffset(reply(now, now, { stratum: 0 }), now, now)).toBeUndefined();
    expect(sntpOffset(Buffer.alloc(20), now, now)).toBeUndefined();
  });
});
