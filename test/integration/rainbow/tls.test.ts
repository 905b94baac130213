import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import { signIn } from '../../../src-main/services/rainbow';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';

/** A self-signed certificate for localhost, made for this run only. */
function selfSignedCertificate(directory: string): { key: string; cert: string } {
  const keyPath = join(directory, 'key.pem');
  const certPath = join(directory, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-days',
      '1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}

describe('a Rainbow host whose certificate cannot be verified', () => {
  let directory: string;
  let simulator: RunningSimulator;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fieldkit-tls-'));
    simulator = await startSimulator({ port: 0, tls: selfSignedCertificate(directory) });
  });

  afterAll(async () => {
    await simulator.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it.each(['127.0.0.1', 'localhost'])(
    'is refused at %s with a tls error, without retrying',
    async (hostname) => {
      expect(simulator.url.startsWith('https://')).toBe(true);
      const error = await signIn({
        ...simulator.credentials,
        host: `https://${hostname}:${simulator.port}`,
      }).catch((caught: unknown) => caught);
      expect(isFieldkitError(error, 'tls')).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(
        /^The certificate of .* could not be verified \(DEPTH_ZERO_SELF_SIGNED_CERT\)\./,
      );
      expect(message).toContain('TLS verification stays on');
      expect(simulator.requests()).toEqual([]);
    },
  );
});
