import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import { signIn } from '../../../src-main/services/rainbow';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { selfSignedCertificate } from '../../support/self-signed-certificate';

describe('a Rainbow host whose certificate cannot be verified', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, tls: selfSignedCertificate() });
  });

  afterAll(async () => {
    await simulator.close();
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
