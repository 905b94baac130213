import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { AUTH_BASE, signInHeaders } from './http-helpers';

/** A throwaway self-signed certificate for 127.0.0.1, made with the system's openssl. */
function selfSignedCertificate(folder: string): { key: string; cert: string } {
  const keyPath = join(folder, 'key.pem');
  const certPath = join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}

function httpsGet(
  url: string,
  ca: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { ca, headers }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('simulator over https', () => {
  let folder: string;
  let tls: { key: string; cert: string };
  let simulator: RunningSimulator;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fieldkit-simulator-tls-'));
    tls = selfSignedCertificate(folder);
    simulator = await startSimulator({ tls });
  });
  afterAll(async () => {
    await simulator.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves the API over TLS at an https url', async () => {
    expect(simulator.url).toBe(`https://127.0.0.1:${simulator.port}`);

    const answer = await httpsGet(
      `${simulator.url}${AUTH_BASE}/login`,
      tls.cert,
      signInHeaders(simulator.credentials),
    );

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty('token');
  });
});
