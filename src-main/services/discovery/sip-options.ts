/**
 * The one SIP request discovery ever sends, OPTIONS (RFC 3261 §11), and the reading of its answers. Nothing
 * else goes over SIP: no REGISTER, no answer to a phone's plug-and-play requests.
 */

export const SIP_PORT = 5060;

export interface OptionsRequest {
  target: string;
  localAddress: string;
  localPort: number;
  /** Identifies the scan: every answer's Call-ID must start with it. */
  callIdPrefix: string;
  userAgent: string;
}

export function buildOptionsRequest(request: OptionsRequest): string {
  const { target, localAddress, localPort, callIdPrefix } = request;
  const token = target.replaceAll('.', '-');
  return [
    `OPTIONS sip:${target} SIP/2.0`,
    `Via: SIP/2.0/UDP ${localAddress}:${localPort};branch=z9hG4bK${callIdPrefix}${token};rport`,
    'Max-Forwards: 70',
    `From: <sip:fieldkit@${localAddress}>;tag=${callIdPrefix}`,
    `To: <sip:${target}>`,
    `Call-ID: ${callIdPrefix}-${token}@${localAddress}`,
    'CSeq: 1 OPTIONS',
    `Contact: <sip:fieldkit@${localAddress}:${localPort}>`,
    'Accept: application/sdp',
    `User-Agent: ${request.userAgent}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export interface SipAnswer {
  status: number;
  /** The User-Agent header, or else Server. */
  userAgent?: string;
}

// RFC 3261 §7.3.3 compact forms of the headers read here.
const COMPACT: Readonly<Record<string, string>> = { i: 'call-id' };

/**
 * Reads a SIP response to one of our OPTIONS: undefined unless it is a response whose Call-ID carries our
 * prefix and whose CSeq method is OPTIONS (anything else, such as a phone's own request, is ignored).
 */
export function parseOptionsAnswer(text: string, callIdPrefix: string): SipAnswer | undefined {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const [statusLine = '', ...lines] = head.split(/\r?\n/);
  const status = /^SIP\/2\.0\s+(\d{3})\b/.exec(statusLine);
  if (!status) return undefined;
  const headers = new Map<string, string>();
  let previous: string | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && previous !== undefined) {
      headers.set(previous, `${headers.get(previous) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const raw = line.slice(0, colon).trim().toLowerCase();
    const name = COMPACT[raw] ?? raw;
    previous = name;
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  if (!(headers.get('call-id') ?? '').startsWith(`${callIdPrefix}-`)) return undefined;
  if (!/\bOPTIONS$/i.test(headers.get('cseq') ?? '')) return undefined;
  const userAgent = headers.get('user-agent') ?? headers.get('server');
  return userAgent === undefined || userAgent === ''
    ? { status: Number(status[1]) }
    : { status: Number(status[1]), userAgent };
}
