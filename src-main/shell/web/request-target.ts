/** The parts of a request's target the host routes on, once they are known to be well formed. */
export interface RequestTarget {
  /** Still %-encoded, as the URL has it: decoding it is the business of whoever reads a name from it. */
  pathname: string;
  query: URLSearchParams;
}

/** A reason to answer 400, short enough for the answer's body and a one-line log. */
export type MalformedTarget = { malformed: string };

/** The %-decoded text, or `undefined` when an escape decodes to nothing (`%zz`, a cut UTF-8 sequence). */
export function decodePercent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads `request.url`. Only the origin form (`/path?query`) is served; `//host/path` stays a path, and a
 * %-escape that decodes to nothing (`%E0%A4%A`, `%zz`) is refused instead of throwing later, deep in a handler.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | MalformedTarget {
  if (raw === undefined || !raw.startsWith('/')) return { malformed: 'the request target is not a path' };
  let url: URL;
  try {
    url = new URL(`http://localhost${raw}`);
  } catch {
    return { malformed: 'the request target is not a valid URL' };
  }
  if (decodePercent(url.pathname) === undefined) return { malformed: 'bad %-encoding in the path' };
  if (decodePercent(url.search) === undefined) return { malformed: 'bad %-encoding in the query' };
  return { pathname: url.pathname, query: url.searchParams };
}
