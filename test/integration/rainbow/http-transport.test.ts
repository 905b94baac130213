// The transport below the client, against real servers on 127.0.0.1: what it sends, how it reads answers, that it
// keeps its connections, and how each way of failing below HTTP is told apart.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/services/log/logger';
import { Redactor } from '../../../src-main/services/log/redactor';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../../src-main/services/rainbow';
import { systemClock } from '../../../src-main/services/rainbow/clock';
import { createHttpTransport, type HttpTransport } from '../../../src-main/services/rainbow/http-transport';
import { NetworkFailure } from '../../../src-main/services/rainbow/network-failure';

/** For the tests that wait for it; the others use the product's default, so load cannot make them fail. */
const SHORT_TIMEOUT_MS = 300;

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function transport(timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): HttpTransport {
  return createHttpTransport({
    timeoutMs,
    clock: systemClock,
    logger: silentLogger,
    redactor: new Redactor(),
  });
}

async function listen(server: TcpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An HTTP server answering with `answer`; it logs every request and counts the connections made to it. */
async function httpServer(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ origin: string; received: Received[]; connections: () => number }> {
  const received: Received[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { method = '', url = '', headers } = request;
      received.push({ method, url, headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(request, response);
    });
  });
  server.on('connection', () => (connections += 1));
  const address = await listen(server);
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { origin: `http://${address}`, received, connections: () => connections };
}

/** The NetworkFailure the promise rejects with (a resolved promise or another error fails the test). */
async function failureOf(promise: Promise<unknown>): Promise<NetworkFailure> {
  const error: unknown = await promise.catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(NetworkFailure);
  return error as NetworkFailure;
}

describe('the HTTP transport', () => {
  it('sends JSON, reads JSON, text and empty answers, and keeps one connection for calls in a row', async () => {
    const answers = ['{"data":[1,2]}', 'not json', ''];
    const server = await httpServer((_request, response) => {
      response.writeHead(200, { 'retry-after': '3' }).end(answers.shift());
    });
    const send = transport();
    const url = (path: string): URL => new URL(`${server.origin}${path}`);

    const json = await send({
      method: 'POST',
      url: url('/a?x=1'),
      headers: { authorization: 'Bearer t' },
      body: { n: 1 },
    });
    const text = await send({ method: 'GET', url: url('/b'), headers: {} });
    const empty = await send({ method: 'DELETE', url: url('/c'), headers: {} });

    expect(json).toMatchObject({ status: 200, body: { data: [1, 2] } });
    expect(json.headers.get('Retry-After')).toBe('3');
    expect(json.headers.get('location')).toBeNull();
    expect(text.body).toBe('not json');
    expect(empty.body).toBeUndefined();
    expect(server.received.map(({ method, url: path, body }) => `${method} ${path} ${body}`)).toEqual([
      'POST /a?x=1 {"n":1}',
      'GET /b ',
      'DELETE /c ',
    ]);
    expect(server.received[0]?.headers).toMatchObject({
      authorization: 'Bearer t',
      accept: 'application/json',
      'content-type': 'application/json',
    });
    expect(server.connections()).toBe(1);
  });

  it('gives up on a body that stops coming: the timeout covers the body, and the request had left', async () => {
    const server = await httpServer((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"data":');
    });
    const failure = await failureOf(
      transport(SHORT_TIMEOUT_MS)({ method: 'GET', url: new URL(server.origin), headers: {} }),
    );
    expect(failure).toMatchObject({ kind: 'timeout', code: 'TimeoutError', notSent: false, retryable: true });
  });

  it('reads a connection cut in the middle of the body as a reset', async () => {
    const server = await httpServer((request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"data":', () => request.socket.destroy());
    });
    const failure = await failureOf(transport()({ method: 'GET', url: new URL(server.origin), headers: {} }));
    expect(failure).toMatchObject({ kind: 'reset', code: 'ECONNRESET', notSent: false });
  });

  it('refuses a redirect at once, without reading its body, and drops that connection', async () => {
    let closed: () => void = () => undefined;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = await httpServer((request, response) => {
      request.socket.once('close', () => closed());
      response.writeHead(302, { location: 'http://elsewhere.example/' });
      response.write('a body that never ends');
    });
    const error: unknown = await transport()({
      method: 'GET',
      url: new URL(server.origin),
      headers: {},
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'redirected', status: 302 });
    await connectionClosed;
  });

  it('reports a header Node will not send as a bug, not as the network, and without its value', async () => {
    const server = await httpServer((_request, response) => response.end());
    const error: unknown = await transport()({
      method: 'GET',
      url: new URL(server.origin),
      headers: { authorization: 'Bearer token\nx-injected: 1' },
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'internal' });
    expect((error as Error).message).not.toContain('token');
    expect(server.received).toEqual([]);
  });

  it('says nothing was sent when the secure connection is never set up', async () => {
    // Accepts TCP but never answers the TLS handshake.
    const held: Socket[] = [];
    const server = createTcpServer((socket) => held.push(socket));
    const address = await listen(server);
    closers.push(
      () =>
        new Promise((resolve) => {
          for (const socket of held) socket.destroy();
          server.close(() => resolve());
        }),
    );
    const failure = await failureOf(
      transport(SHORT_TIMEOUT_MS)({
        method: 'POST',
        url: new URL(`https://${address}/x`),
        headers: {},
        body: {},
      }),
    );
    expect(failure).toMatchObject({ kind: 'unreachable', code: 'CONNECT_TIMEOUT', notSent: true });
  });
});
