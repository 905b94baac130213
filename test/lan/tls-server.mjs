#!/usr/bin/env node
// A TLS server for the site-check lab: completes handshakes on each given port with the given certificate and
// closes. Refuses to run outside a lab namespace.
//
//   node tls-server.mjs --cert FILE --key FILE --port 443 --port 5061
import { readFileSync } from 'node:fs';
import { createServer } from 'node:tls';
import { parseArgs } from 'node:util';
import { assertInsideLab } from './lab-guard.mjs';

assertInsideLab('tls-server');
const { values } = parseArgs({
  options: { cert: { type: 'string' }, key: { type: 'string' }, port: { type: 'string', multiple: true } },
});
if (!values.cert || !values.key || !values.port?.length) {
  process.stderr.write('usage: tls-server.mjs --cert FILE --key FILE --port N [--port N]\n');
  process.exit(2);
}
const options = { cert: readFileSync(values.cert), key: readFileSync(values.key) };
await Promise.all(
  values.port.map(
    (port) =>
      new Promise((resolve, reject) => {
        const server = createServer(options, (socket) => socket.end());
        server.on('tlsClientError', () => undefined);
        server.once('error', reject);
        server.listen(Number(port), '0.0.0.0', resolve);
      }),
  ),
);
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
