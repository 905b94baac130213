#!/usr/bin/env node
// Counts what arrives on UDP 5060 of a lab host: prints `ready` once bound, then the first line of every
// datagram (`OPTIONS sip:… SIP/2.0`, or a test's `marker`). Answers nothing. Refuses to run outside a lab.
import { createSocket } from 'node:dgram';
import { assertInsideLab } from '../../../lan/lab-guard.mjs';

assertInsideLab('udp-listener');
const socket = createSocket('udp4');
socket.on('message', (message) => process.stdout.write(`${message.toString('utf8').split('\r\n', 1)[0]}\n`));
socket.bind(5060, '0.0.0.0', () => process.stdout.write('ready\n'));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
