// One TLS handshake to a host, with the certificate read but not yet judged: the check judges it against both
// clocks. Nothing is sent after the handshake.
import { checkServerIdentity, connect, rootCertificates, type PeerCertificate } from 'node:tls';

export type TlsProbeResult =
  | {
      readonly kind: 'handshake';
      readonly protocol: string | null;
      /** The chain verified against the trusted CAs (the system's, plus the test CA when one was given). */
      readonly trusted: boolean;
      readonly trustError: string | null;
      readonly nameMatches: boolean;
      readonly subject: string;
      readonly issuer: string;
      readonly validFrom: number;
      readonly validTo: number;
    }
  | { readonly kind: 'refused' | 'timeout' | 'failed'; readonly reason: string };

export interface TlsProbeOptions {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly timeoutMs: number;
  /** A PEM CA trusted in addition to Node's roots: only the lab's tests pass one. */
  readonly extraCa?: string;
}

const nameOf = (fields: PeerCertificate['subject'] | undefined): string =>
  fields ? [fields.CN, fields.O].filter(Boolean).join(', ') : '';

export function probeTls(options: TlsProbeOptions): Promise<TlsProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({
      host: options.address,
      port: options.port,
      servername: options.host,
      // Judged below and by the check, so that an expired or intercepted certificate is described, not just refused.
      rejectUnauthorized: false,
      ...(options.extraCa ? { ca: [...rootCertificates, options.extraCa] } : {}),
    });
    const finish = (result: TlsProbeResult): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(options.timeoutMs, () =>
      finish({
        kind: 'timeout',
        reason: `no answer from ${options.address}:${options.port} in ${options.timeoutMs} ms`,
      }),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ kind: error.code === 'ECONNREFUSED' ? 'refused' : 'failed', reason: error.message }),
    );
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      finish({
        kind: 'handshake',
        protocol: socket.getProtocol(),
        trusted: socket.authorized,
        trustError: socket.authorizationError ? String(socket.authorizationError) : null,
        nameMatches: checkServerIdentity(options.host, certificate) === undefined,
        subject: nameOf(certificate.subject),
        issuer: nameOf(certificate.issuer),
        validFrom: Date.parse(certificate.valid_from),
        validTo: Date.parse(certificate.valid_to),
      });
    });
  });
}
