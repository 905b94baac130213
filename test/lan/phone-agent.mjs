#!/usr/bin/env node
// A pretend LAN host for the netns lab (test/lan/lab.ts starts one per phone, DECT base or web host, inside
// that host's own network namespace). It can:
//   --sip-ua <text>         answer SIP OPTIONS on UDP 5060 with 200 OK carrying <text> (never answer other methods)
//   --sip-header <name>     the header that carries it: User-Agent (default) or Server
//   --http-title <text>     serve a small HTML page with this title on TCP 80
//   --http-server <text>    the HTTP Server header (default: none)
//   --http-body <text>      a line of text in the page body (repeatable)
//   --mdns-name <name>      advertise _http._tcp on port 80 over mDNS under this name (host <name>.local)
//   --mdns-txt <key=value>  a TXT entry of that advertisement (repeatable)
// It prints one line `ready` once every configured service is listening (and the mDNS name is announced), and
// exits on SIGTERM or when its standard input closes, so a parent that dies leaves no orphan behind.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { assertInsideLab } from './lab-guard.mjs';

assertInsideLab('phone-agent');

const { values: options } = parseArgs({
  options: {
    'sip-ua': { type: 'string' },
    'sip-header': { type: 'string', default: 'User-Agent' },
    'http-title': { type: 'string' },
    'http-server': { type: 'string' },
    'http-body': { type: 'string', multiple: true, default: [] },
    'mdns-name': { type: 'string' },
    'mdns-txt': { type: 'string', multiple: true, default: [] },
  },
  strict: true,
});

const SIP_PORT = 5060;
const HTTP_PORT = 80;
const ALLOWED_METHODS =
  'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY, SUBSCRIBE, UPDATE, PRACK, MESSAGE';
// RFC 3261 §7.3.3 compact forms of the headers an OPTIONS response copies from its request.
const COMPACT_HEADERS = { v: 'via', f: 'from', t: 'to', i: 'call-id' };
const COPIED_HEADERS = ['via', 'from', 'to', 'call-id', 'cseq'];
const localTag = Math.random().toString(16).slice(2, 10);

const closers = [];

function fail(message) {
  process.stderr.write(`phone-agent: ${message}\n`);
  process.exit(1);
}

/** Splits a SIP request into its request line and (name, value) header pairs; undefined if it is not one. */
function parseSipRequest(text) {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const [requestLine = '', ...headerLines] = head.split(/\r?\n/);
  const match = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(requestLine);
  if (!match) return undefined;
  const headers = [];
  for (const line of headerLines) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      headers[headers.length - 1].value += ` ${line.trim()}`; // folded continuation line
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const rawName = line.slice(0, colon).trim().toLowerCase();
    headers.push({ name: COMPACT_HEADERS[rawName] ?? rawName, value: line.slice(colon + 1).trim() });
  }
  return { method: match[1], headers };
}

function canonicalName(name) {
  return name === 'call-id' ? 'Call-ID' : name === 'cseq' ? 'CSeq' : name[0].toUpperCase() + name.slice(1);
}

function optionsResponse(request, userAgent) {
  const lines = ['SIP/2.0 200 OK'];
  for (const name of COPIED_HEADERS) {
    for (const header of request.headers.filter((h) => h.name === name)) {
      const value =
        name === 'to' && !/;\s*tag=/i.test(header.value) ? `${header.value};tag=${localTag}` : header.value;
      lines.push(`${canonicalName(name)}: ${value}`);
    }
  }
  lines.push(
    `${options['sip-header']}: ${userAgent}`,
    `Allow: ${ALLOWED_METHODS}`,
    'Accept: application/sdp',
  );
  lines.push('Content-Length: 0', '', '');
  return lines.join('\r\n');
}

function startSip(userAgent) {
  if (!['User-Agent', 'Server'].includes(options['sip-header']))
    fail('--sip-header must be User-Agent or Server');
  const socket = createSocket('udp4');
  socket.on('message', (message, peer) => {
    const request = parseSipRequest(message.toString('utf8'));
    if (request?.method !== 'OPTIONS') return;
    if (!COPIED_HEADERS.every((name) => request.headers.some((h) => h.name === name))) return;
    socket.send(optionsResponse(request, userAgent), peer.port, peer.address);
  });
  closers.push(() => new Promise((resolve) => socket.close(resolve)));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(SIP_PORT, '0.0.0.0', resolve);
  });
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function startHttp(title) {
  const body = options['http-body'].map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const page = `<!doctype html>\n<html><head><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>\n`;
  const server = createServer((request, response) => {
    const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) };
    if (options['http-server']) headers.server = options['http-server'];
    response.writeHead(request.url === '/' || request.url === '/index.html' ? 200 : 404, headers);
    response.end(request.method === 'HEAD' ? undefined : page);
  });
  server.keepAliveTimeout = 1000;
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  closers.push(() => server.closeAllConnections());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(HTTP_PORT, '0.0.0.0', resolve);
  });
}

async function startMdns(name) {
  const { Bonjour } = await import('bonjour-service'); // loaded only by the hosts that advertise
  const txt = Object.fromEntries(
    options['mdns-txt'].map((entry) => {
      const equals = entry.indexOf('=');
      if (equals <= 0) fail(`--mdns-txt needs key=value, got "${entry}"`);
      return [entry.slice(0, equals), entry.slice(equals + 1)];
    }),
  );
  const bonjour = new Bonjour({}, (error) => fail(`mDNS: ${error.message}`));
  const service = bonjour.publish({
    name,
    type: 'http',
    port: HTTP_PORT,
    host: `${name}.local`,
    txt,
    disableIPv6: true,
  });
  closers.unshift(() => new Promise((resolve) => bonjour.unpublishAll(() => bonjour.destroy(resolve))));
  return new Promise((resolve, reject) => {
    service.once('up', resolve);
    service.once('error', reject);
  });
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Bounded so that a stuck close never keeps a lab's namespace alive.
  setTimeout(() => process.exit(0), 2000).unref();
  for (const close of closers) await close();
  process.exit(0);
}

process.on('SIGTERM', stop);
process.stdin.on('close', stop);
process.stdin.on('end', stop);
process.stdin.resume();

const starting = [];
if (options['sip-ua']) starting.push(startSip(options['sip-ua']));
if (options['http-title']) starting.push(startHttp(options['http-title']));
if (options['mdns-name']) starting.push(startMdns(options['mdns-name']));
if (starting.length === 0) fail('nothing to serve: give --sip-ua, --http-title or --mdns-name');

try {
  await Promise.all(starting);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stdout.write('ready\n');
