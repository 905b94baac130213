import { describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import { normaliseRainbowHost } from '../../../src-main/services/rainbow/host';

function failureCode(input: string): string | undefined {
  try {
    normaliseRainbowHost(input);
    return undefined;
  } catch (error) {
    return isFieldkitError(error) ? error.code : 'not a FieldkitError';
  }
}

describe('normaliseRainbowHost', () => {
  it.each([
    ['openrainbow.com', 'https://openrainbow.com'],
    ['sandbox.openrainbow.com', 'https://sandbox.openrainbow.com'],
    ['  Sandbox.OpenRainbow.com  ', 'https://sandbox.openrainbow.com'],
    ['https://openrainbow.com/', 'https://openrainbow.com'],
    ['https://rainbow.example.net:8443', 'https://rainbow.example.net:8443'],
    ['rainbow.example.net:8443', 'https://rainbow.example.net:8443'],
    ['https://127.0.0.1:4443', 'https://127.0.0.1:4443'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('accepts %s as %s', (input, origin) => {
    expect(normaliseRainbowHost(input).origin).toBe(origin);
  });

  it.each([
    ['http://openrainbow.com', 'insecure-host'],
    ['http://192.168.1.10:3000', 'insecure-host'],
    ['http://localhost.example.com', 'insecure-host'],
    ['http://127.0.0.1.example.com', 'insecure-host'],
    ['', 'invalid-input'],
    ['   ', 'invalid-input'],
    ['ftp://openrainbow.com', 'invalid-input'],
    ['https://openrainbow.com/api/rainbow', 'invalid-input'],
    ['openrainbow.com/api', 'invalid-input'],
    ['https://openrainbow.com?x=1', 'invalid-input'],
    ['https://openrainbow.com#top', 'invalid-input'],
    ['https://user:pass@openrainbow.com', 'invalid-input'],
    ['https://user@openrainbow.com', 'invalid-input'],
    ['https://open rainbow.com', 'invalid-input'],
  ])('rejects %s with %s', (input, code) => {
    expect(failureCode(input)).toBe(code);
  });

  it('names the host field in the issues', () => {
    try {
      normaliseRainbowHost('http://openrainbow.com');
      expect.unreachable();
    } catch (error) {
      expect(isFieldkitError(error) && error.issues?.[0]?.field).toBe('host');
    }
  });
});
