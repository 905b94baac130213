import { newAdminPassword } from './secrets';

export interface DebugSession {
  adminPassword: string;
  expiresAt: number;
}

/**
 * Debug sessions on deskphones. A session shows the phone's admin password; when it is revoked or expires the
 * password is changed, so every session shows a fresh one. Expiry is read from the clock, not timed.
 */
export class DebugSessions {
  readonly #now: () => number;
  readonly #sessions = new Map<string, DebugSession>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Granting again during a session extends it and keeps its password. */
  grant(deviceId: string, durationSeconds: number): void {
    const adminPassword = this.active(deviceId)?.adminPassword ?? newAdminPassword();
    this.#sessions.set(deviceId, { adminPassword, expiresAt: this.#now() + durationSeconds * 1000 });
  }

  revoke(deviceId: string): void {
    this.#sessions.delete(deviceId);
  }

  active(deviceId: string): DebugSession | undefined {
    const session = this.#sessions.get(deviceId);
    if (session === undefined) return undefined;
    if (this.#now() >= session.expiresAt) {
      this.#sessions.delete(deviceId);
      return undefined;
    }
    return { ...session };
  }
}
