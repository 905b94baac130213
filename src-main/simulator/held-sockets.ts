import type { Socket } from 'node:net';

/** How long a request hit by a timeout fault stays unanswered when the client never gives up. */
const HOLD_MILLISECONDS = 30_000;

/** Sockets of requests that will never be answered (timeout fault), destroyed after a while or on close. */
export class HeldSockets {
  readonly #held = new Map<Socket, NodeJS.Timeout>();

  hold(socket: Socket): void {
    const timer = setTimeout(() => socket.destroy(), HOLD_MILLISECONDS);
    timer.unref();
    this.#held.set(socket, timer);
    socket.once('close', () => this.#forget(socket));
  }

  releaseAll(): void {
    for (const socket of [...this.#held.keys()]) {
      this.#forget(socket);
      socket.destroy();
    }
  }

  #forget(socket: Socket): void {
    clearTimeout(this.#held.get(socket));
    this.#held.delete(socket);
  }
}
