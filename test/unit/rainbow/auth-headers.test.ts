import { describe, expect, it } from 'vitest';
import {
  applicationAuthorization,
  basicAuthorization,
  bearerAuthorization,
} from '../../../src-main/services/rainbow/auth-headers';

// Expected values computed outside Node with coreutils:
//   printf '%s' 'S3cr3tAppKeyPa55w0rd!é' | sha256sum
//   printf '%s' 'app-id-42:<digest>' | base64 -w0
const DIGEST = '26b33b8de8efb9a6d31519222b4701bf2e1e1691960363ceebcb8961f901396c';

describe('sign-in headers', () => {
  it('sends Basic base64(login:password) in UTF-8', () => {
    expect(basicAuthorization('tech@example.com', 'Pa55w0rd!é')).toBe(
      'Basic dGVjaEBleGFtcGxlLmNvbTpQYTU1dzByZCHDqQ==',
    );
  });

  it('sends Basic base64(appId:sha256hex(appSecret + password)) with a lowercase digest', () => {
    const header = applicationAuthorization('app-id-42', 'S3cr3tAppKey', 'Pa55w0rd!é');
    expect(header).toBe(
      'Basic YXBwLWlkLTQyOjI2YjMzYjhkZThlZmI5YTZkMzE1MTkyMjJiNDcwMWJmMmUxZTE2OTE5NjAzNjNjZWViY2I4OTYxZjkwMTM5NmM=',
    );
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    expect(decoded).toBe(`app-id-42:${DIGEST}`);
  });

  it('hashes the secret and the password in that order, without a separator', () => {
    const swapped = applicationAuthorization('app-id-42', 'Pa55w0rd!é', 'S3cr3tAppKey');
    const separated = applicationAuthorization('app-id-42', 'S3cr3tAppKey:', 'Pa55w0rd!é');
    const expected = applicationAuthorization('app-id-42', 'S3cr3tAppKey', 'Pa55w0rd!é');
    expect(swapped).not.toBe(expected);
    expect(separated).not.toBe(expected);
  });

  it('puts the token after Bearer', () => {
    expect(bearerAuthorization('eyJabc.def.ghi')).toBe('Bearer eyJabc.def.ghi');
  });
});
