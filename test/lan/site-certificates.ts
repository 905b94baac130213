// The site-check lab's test CA and server certificates, made with openssl in a temporary folder. A certificate
// "not yet valid" is made under faketime, two days ahead, so that its validity starts in the future.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './netns';

export interface SiteCertificates {
  readonly caPem: string;
  readonly caFile: string;
  readonly valid: { cert: string; key: string };
  readonly notYetValid: { cert: string; key: string };
}

async function openssl(args: readonly string[], future = false): Promise<void> {
  const command = future ? ['faketime', ['-f', '+2d', 'openssl', ...args]] : ['openssl', args];
  const result = await run(command[0] as string, command[1] as string[]);
  if (result.code !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr.trim()}`);
}

/** A new P-256 key, unencrypted, for `openssl req`. */
const NEW_P256_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const DAYS = ['-days', '30'];

async function serverCertificate(folder: string, name: string, hosts: readonly string[], future: boolean) {
  const key = join(folder, `${name}.key`);
  const csr = join(folder, `${name}.csr`);
  const cert = join(folder, `${name}.pem`);
  const san = join(folder, `${name}.ext`);
  writeFileSync(san, `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}\n`);
  await openssl(['req', '-new', ...NEW_P256_KEY, '-keyout', key, '-out', csr, '-subj', `/CN=${hosts[0]}`]);
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      join(folder, 'ca.pem'),
      '-CAkey',
      join(folder, 'ca.key'),
      '-CAcreateserial',
      ...DAYS,
      '-extfile',
      san,
      '-out',
      cert,
    ],
    future,
  );
  return { cert, key };
}

export async function makeSiteCertificates(
  folder: string,
  hosts: readonly string[],
): Promise<SiteCertificates> {
  const caFile = join(folder, 'ca.pem');
  await openssl([
    'req',
    '-x509',
    ...NEW_P256_KEY,
    '-keyout',
    join(folder, 'ca.key'),
    '-out',
    caFile,
    ...DAYS,
    '-subj',
    '/CN=Fieldkit lab test CA',
  ]);
  const valid = await serverCertificate(folder, 'valid', hosts, false);
  const notYetValid = await serverCertificate(folder, 'future', hosts, true);
  return { caPem: readFileSync(caFile, 'utf8'), caFile, valid, notYetValid };
}
