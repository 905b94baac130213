/**
 * Why an identifier was refused. `reason` is a full sentence for a technician: what is wrong and how to fix it.
 */
export type IdentifierErrorCode =
  | 'empty'
  | 'format'
  | 'length'
  | 'multicast'
  | 'all-zero'
  | 'check-digit'
  | 'out-of-range'
  | 'scientific-notation'
  | 'leading-zeros-lost'
  | 'ambiguous';

export interface IdentifierFailure {
  ok: false;
  code: IdentifierErrorCode;
  reason: string;
  /** With `leading-zeros-lost`: the canonical value the input probably was before its zeros were dropped. */
  suggestion?: string;
}

export type IdentifierResult = { ok: true; value: string } | IdentifierFailure;

export function refuse(code: IdentifierErrorCode, reason: string, suggestion?: string): IdentifierFailure {
  return suggestion === undefined ? { ok: false, code, reason } : { ok: false, code, reason, suggestion };
}

const QUOTE_LIMIT = 40;

/** The input as it appears in a reason: quoted, and cut short so a pasted paragraph does not flood the message. */
export function quoteInput(input: string): string {
  const shown = input.length > QUOTE_LIMIT ? `${input.slice(0, QUOTE_LIMIT)}…` : input;
  return `"${shown}"`;
}

/** Names a character for a reason; whitespace is invisible inside quotes. */
export function describeCharacter(character: string): string {
  if (character === ' ') return 'a space';
  if (/\s/.test(character)) return 'an invisible character (a tab, line break or non-breaking space)';
  return `"${character}"`;
}
