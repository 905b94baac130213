const MIN_SECRET_LENGTH = 4;
const REPLACEMENT = '[redacted]';

/**
 * Removes every registered secret (passwords, app secrets, tokens, debug-session passwords) from text before
 * it reaches a log line or an error message. Header-shaped credentials are caught even when not registered.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH) this.#secrets.add(secret);
  }

  remove(secret: string | undefined): void {
    if (secret !== undefined) this.#secrets.delete(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REPLACEMENT);
    }
    return result
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REPLACEMENT}`)
      .replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, REPLACEMENT);
  }
}
