import { FieldkitError } from '../errors';

/** Hosts where plain http is accepted: the machine itself (the simulator, a local proxy). */
function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function invalidHost(message: string): FieldkitError {
  return new FieldkitError({
    code: 'invalid-input',
    message,
    hint: 'Enter a host such as openrainbow.com, sandbox.openrainbow.com or https://host:port.',
    issues: [{ field: 'host', message }],
  });
}

/**
 * Turns what a technician typed (`openrainbow.com`, `https://host:8443`, `http://127.0.0.1:3000`) into the
 * origin every request is sent to. https is required, except on loopback where the simulator runs.
 */
export function normaliseRainbowHost(input: string): URL {
  const trimmed = input.trim();
  if (trimmed === '') throw invalidHost('The Rainbow host is empty.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidHost(`"${trimmed}" is not a valid host name.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidHost(`"${trimmed}" must start with https://.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidHost('The host must not carry a user name or password; enter them in the login fields.');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw invalidHost(`"${trimmed}" must be a host name only, without a path or query.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    throw new FieldkitError({
      code: 'insecure-host',
      message: `Fieldkit only talks to ${url.host} over https: passwords must not travel in clear text.`,
      hint: `Use https://${url.host}.`,
      issues: [{ field: 'host', message: 'http is only allowed for this computer (localhost).' }],
    });
  }
  return new URL(url.origin);
}
