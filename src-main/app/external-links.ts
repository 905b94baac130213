import { FieldkitError } from '../services/errors';

/**
 * The one guard on links that leave the app (a phone's web admin, a debug session's admin page): https only,
 * no credentials in the URL. Anything else is refused before any shell sees it.
 */
export function checkExternalUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw refuse(`"${input.slice(0, 200)}" is not a web address.`);
  }
  if (url.protocol !== 'https:') throw refuse(`Only https addresses are opened, not ${url.protocol}//.`);
  if (url.username || url.password)
    throw refuse('Addresses with a user name or password in them are not opened.');
  return url;
}

function refuse(message: string): FieldkitError {
  return new FieldkitError({ code: 'invalid-input', message, issues: [{ field: 'url', message }] });
}
