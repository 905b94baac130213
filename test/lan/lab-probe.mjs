#!/usr/bin/env node
// Small clients that tests run inside a lab namespace (`lab.exec(['node', LAB_PROBE, ...])`); each prints one
// line of JSON. Only ever aimed at lab addresses.
//
//   sip <ip> [REGISTER]  sends OPTIONS (after a REGISTER when asked) and prints the first answer it gets:
//                        {"answer": "<raw response>"} or {"error": "ECONNREFUSED"} (no SIP listener there).
//                        UDP between two ends of one bridge keeps its order, so an answer to the REGISTER
//                        would come first: the first answer tells whether anything but OPTIONS was answered.
//   http <ip>            GET http://<ip>/ : {"status", "server", "body"} or {"error"}
//   mdns <name>...       browses _http._tcp until every named service is seen: {"services": [...]}
import { createSocket } from 'node:dgram';
import { Bonjour } from 'bonjour-service';
import { assertInsideLab, assertLabTarget } from './lab-guard.mjs';

const DEADLINE_MS = 10_000;
const [command, ...args] = process.argv.slice(2);
assertInsideLab('lab-probe');
if (command === 'sip' || command === 'http') assertLabTarget('lab-probe', args[0] ?? '');

function print(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
  process.exit(0);
}

setTimeout(() => print({ error: 'deadline' }), DEADLINE_MS).unref();

function sipRequest(method, target, socket, cseq) {
  const { address, port } = socket.address();
  const branch = `z9hG4bK${Math.random().toString(16).slice(2)}`;
  return [
    `${method} sip:${target} SIP/2.0`,
    `Via: SIP/2.0/UDP ${address}:${port};branch=${branch};rport`,
    'Max-Forwards: 70',
    `From: <sip:probe@${address}>;tag=probe1`,
    `To: <sip:${target}>`,
    `Call-ID: lab-probe-${cseq}@${address}`,
    `CSeq: ${cseq} ${method}`,
    `Contact: <sip:probe@${address}:${port}>`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

async function sip(target, withRegister) {
  const socket = createSocket('udp4');
  socket.on('error', (error) => print({ error: error.code ?? error.message }));
  socket.on('message', (message) => print({ answer: message.toString('utf8') }));
  await new Promise((resolve) => socket.connect(5060, target, resolve));
  if (withRegister) socket.send(sipRequest('REGISTER', target, socket, 1));
  socket.send(sipRequest('OPTIONS', target, socket, 2));
}

async function http(target) {
  try {
    const response = await fetch(`http://${target}/`);
    print({ status: response.status, server: response.headers.get('server'), body: await response.text() });
  } catch (error) {
    print({ error: error.cause?.code ?? error.message });
  }
}

function mdns(names) {
  const bonjour = new Bonjour();
  const found = new Map();
  bonjour.find({ type: 'http' }, (service) => {
    found.set(service.name, {
      name: service.name,
      host: service.host,
      port: service.port,
      txt: service.txt,
      addresses: service.addresses,
    });
    if (names.every((name) => found.has(name))) print({ services: [...found.values()] });
  });
}

if (command === 'sip' && args[0]) await sip(args[0], args[1] === 'REGISTER');
else if (command === 'http' && args[0]) await http(args[0]);
else if (command === 'mdns' && args.length > 0) mdns(args);
else {
  process.stderr.write('usage: lab-probe.mjs sip <ip> [REGISTER] | http <ip> | mdns <name>...\n');
  process.exit(2);
}
