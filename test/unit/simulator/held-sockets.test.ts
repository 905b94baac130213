import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeldSockets } from '../../../src-main/simulator/held-sockets';

/** Only what HeldSockets touches: `destroy` and the `close` event. */
class FakeSocket extends EventEmitter {
  destroyed = 0;
  destroy(): void {
    this.destroyed += 1;
    this.emit('close');
  }
}

describe('HeldSockets', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('destroys a held socket after 30 seconds', () => {
    const held = new HeldSockets();
    const socket = new FakeSocket();
    held.hold(socket as unknown as Socket);

    vi.advanceTimersByTime(29_999);
    expect(socket.destroyed).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.destroyed).toBe(1);
  });

  it('destroys every held socket on releaseAll and forgets sockets the client closed', () => {
    const held = new HeldSockets();
    const kept = new FakeSocket();
    const closedByClient = new FakeSocket();
    held.hold(kept as unknown as Socket);
    held.hold(closedByClient as unknown as Socket);
    closedByClient.emit('close');

    held.releaseAll();
    vi.advanceTimersByTime(60_000);

    expect(kept.destroyed).toBe(1);
    expect(closedByClient.destroyed).toBe(0);
  });
});
