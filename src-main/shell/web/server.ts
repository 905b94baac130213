import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventBus } from '../../api/events';
import type { Router } from '../../api/router';
import { isFieldkitError } from '../../services/errors';
import type { UploadStore } from '../../services/files/upload-store';
import type { Logger } from '../../services/log/logger';
import { createLaunchToken, hasValidCookie, sameSecret, sessionCookie } from './launch-token';
import { parseRequestTarget } from './request-target';
import { SECURITY_HEADERS } from './security-headers';
import { readStaticFile } from './static-files';

const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export interface WebShellOptions {
  router: Router;
  events: EventBus;
  /** Where `POST /upload` streams a file's bytes; batch calls then name it by the id it answers. */
  uploads: UploadStore;
  /** The largest upload: a longer declared body is refused before any byte is read. */
  maxUploadBytes: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  log: Logger;
  port?: number;
  token?: string;
}

export interface WebShell {
  /** The address to open: carries the per-launch token once, then the page lives on an HttpOnly cookie. */
  launchUrl: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * The browser shell's host: serves the renderer and carries calls (`POST /rpc/<call>`) and events
 * (`GET /events`, server-sent events) on 127.0.0.1 only. Every request needs the per-launch token.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? createLaunchToken();
  const streams = new Set<ServerResponse>();
  let origins: Set<string> = new Set();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A client that went away mid-request is no fault of the host: one line, no stack.
      if (request.destroyed) {
        options.log.warn(`a ${request.method ?? ''} request ended before its answer (${failureCode(error)})`);
        return;
      }
      options.log.error('request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
      else response.end();
    });
  });

  /** A request the host cannot make sense of: 400, a short body, one log line without its content. */
  function refuseMalformed(request: IncomingMessage, response: ServerResponse, reason: string): void {
    options.log.warn(`refused a malformed ${request.method ?? ''} request: ${reason}`);
    send(response, 400, 'text/plain', `Bad request: ${reason}.`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another site could reach 127.0.0.1 through DNS rebinding: only our own Host names pass.
    if (!origins.has(`http://${request.headers.host ?? ''}`))
      return send(response, 403, 'text/plain', 'Forbidden');
    const target = parseRequestTarget(request.url);
    if ('malformed' in target) return refuseMalformed(request, response, target.malformed);
    const { pathname } = target;
    const offered = target.query.get('token');
    if (request.method === 'GET' && pathname === '/' && offered !== null) {
      if (!sameSecret(offered, token))
        return send(response, 401, 'text/plain', 'This launch token is not valid.');
      response.writeHead(303, { ...SECURITY_HEADERS, location: '/', 'set-cookie': sessionCookie(token) });
      return void response.end();
    }
    if (!hasValidCookie(request, token)) {
      return send(
        response,
        401,
        'text/plain',
        'Open the address that `npm start` printed (it carries the token).',
      );
    }
    if (pathname.startsWith('/rpc/')) return handleCall(request, response, pathname.slice(5));
    if (pathname === '/upload') return handleUpload(request, response);
    if (pathname === '/events' && request.method === 'GET') return openEventStream(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain', 'Method not allowed');
    const file = await readStaticFile(options.staticDir, pathname);
    if (!file) return send(response, 404, 'text/plain', 'Not found');
    return send(response, 200, file.contentType, file.body);
  }

  /** A page of another origin never gets this far: its requests carry its Origin. */
  function isForeignOrigin(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin !== undefined && !origins.has(origin);
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    if (isForeignOrigin(request)) return send(response, 403, 'text/plain', 'Forbidden origin');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, 'text/plain', 'Calls are JSON');
    }
    const body = await readBody(request);
    if (body === undefined) return send(response, 413, 'text/plain', 'Call too large');
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      options.log.warn('refused a call whose body is not valid JSON');
      return sendJson(
        response,
        { ok: false, error: { code: 'invalid-input', message: 'The call is not valid JSON.' } },
        400,
      );
    }
    // parseRequestTarget checked that the path decodes.
    sendJson(response, await options.router.dispatch(decodeURIComponent(name), input));
  }

  /**
   * `POST /upload`: a file's raw bytes, streamed to the core's upload store (never buffered here). Octet-stream
   * only, which a form on another site cannot send without the browser asking first. Past the limit: 413.
   */
  async function handleUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    if (isForeignOrigin(request)) return send(response, 403, 'text/plain', 'Forbidden origin');
    if (request.headers['content-type'] !== 'application/octet-stream') {
      return send(response, 415, 'text/plain', 'Uploads are application/octet-stream');
    }
    if (Number(request.headers['content-length'] ?? 0) > options.maxUploadBytes)
      return refuseTooLarge(request, response);
    try {
      sendJson(response, { ok: true, value: { fileId: await options.uploads.receive(request) } });
    } catch (error) {
      if (isFieldkitError(error) && error.code === 'invalid-input') return refuseTooLarge(request, response);
      throw error;
    }
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = options.events.subscribe((event, payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origins = new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);
  const origin = `http://${LOOPBACK}:${port}`;
  options.log.info(`browser shell listening on ${origin}`);

  return {
    launchUrl: `${origin}/?token=${token}`,
    origin,
    close: async () => {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers 413 and closes the connection, so the rest of the body is never read. */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(413, { ...SECURITY_HEADERS, 'content-type': 'text/plain', connection: 'close' });
  response.end('The file is larger than Fieldkit accepts.', () => request.destroy());
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown, status = 200): void {
  send(response, status, 'application/json', JSON.stringify(value));
}

function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/**
 * The body as text, or `undefined` past MAX_BODY_BYTES. The rest of an oversize body is read and dropped (never
 * kept) rather than cut off, so the client, still sending, reliably receives the 413 instead of a reset.
 */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}
