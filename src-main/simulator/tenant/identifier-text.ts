/**
 * The API stores MACs and IPEIs as lowercase hex without separators. Accepting `48:7A:55:…`, `48-7a-…` or
 * `487a.55…` as well is an assumption (the reference does not say), made so a MAC read off a label matches.
 * Deliberately independent of Fieldkit's own identifier parsing, so the simulator does not share its bugs.
 */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s:.-]/g, '').toLowerCase();
}
