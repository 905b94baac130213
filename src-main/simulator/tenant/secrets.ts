import { randomInt } from 'node:crypto';

const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALPHANUMERIC = `${LOWER_ALPHANUMERIC}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

function randomText(length: number, alphabet: string): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Like the reference's SIP passwords, e.g. `126g7r0q`. */
export function newSipPassword(): string {
  return randomText(8, LOWER_ALPHANUMERIC);
}

export function newAdminPassword(): string {
  return randomText(16, MIXED_ALPHANUMERIC);
}
