/** The parts of a SIP URI a technician looks at: who registered, from which address and port, over what. */
export interface SipAddress {
  user?: string;
  host: string;
  port?: number;
  transport?: string;
  /** `host:port` (`[v6]:port` for IPv6), or just the host. */
  address: string;
}

const SIP_URI = /^sips?:(?:([^@;]+)@)?(\[[0-9a-f:.]+\]|[^:;@]+)(?::(\d{1,5}))?((?:;[^;]*)*)$/i;

/**
 * Reads `sip:90051@192.168.101.29:59952;transport=TLS;line=49309` (a registration's `fullSipURI`, the phone's
 * private address) or `sip:195.128.146.194:59952;transport=tls` (`publicSourceRegistration`, the address the
 * CloudPBX saw). Undefined when the text is not a SIP URI.
 */
export function parseSipUri(uri: string | undefined): SipAddress | undefined {
  if (uri === undefined) return undefined;
  const match = SIP_URI.exec(uri.trim());
  if (!match) return undefined;
  const [, user, host = '', portText, paramText = ''] = match;
  const port = portText === undefined ? undefined : Number(portText);
  const transport = paramText
    .split(';')
    .map((param) => param.split('='))
    .find(([name]) => name?.toLowerCase() === 'transport')?.[1];
  const parsed: SipAddress = { host, address: port === undefined ? host : `${host}:${port}` };
  if (user !== undefined) parsed.user = user;
  if (port !== undefined) parsed.port = port;
  if (transport !== undefined && transport !== '') parsed.transport = transport.toUpperCase();
  return parsed;
}
