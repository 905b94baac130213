import { quoteInput, refuse, type IdentifierFailure } from './result';

/**
 * A spreadsheet shows a long all-digit cell as e.g. `4.87055E+11`, and a CSV export keeps that text. The
 * pattern asks for a decimal separator or an exponent sign so that plain hex such as `4e11` is not mistaken.
 */
const SCIENTIFIC_NOTATION = /^\d+(?:[.,]\d+E[+-]?|E[+-])\d+$/i;

export function looksLikeScientificNotation(text: string): boolean {
  return SCIENTIFIC_NOTATION.test(text);
}

export function scientificNotationFailure(text: string, subject: string): IdentifierFailure {
  return refuse(
    'scientific-notation',
    `The ${subject} ${quoteInput(text)} looks like a number a spreadsheet converted to scientific notation, ` +
      'which loses digits; format the column as text and re-enter it from the device label.',
  );
}

export const LOST_ZEROS_EXPLANATION =
  'leading zeros were probably lost, as happens when a spreadsheet or script treats it as a number';
