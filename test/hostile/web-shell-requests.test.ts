// Issue 8: the browser shell's host answers every malformed request 4xx with a short body, never 500, and logs
// at most one line for it (no stack). Raw node:http requests, so nothing on the client side tidies them first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src-main/api/events';
import { createRouter, type Handlers } from '../../src-main/api/router';
import { createLogger, silentLogger } from '../../src-main/services/log/logger';
import { UploadStore } from '../../src-main/services/files/upload-store';
import { startWebShell, type WebShell } from '../../src-main/shell/web/server';

const MAX_UPLOAD_BYTES = 1024;

let shell: WebShell;
let uploads: UploadStore;
let staticDir: string;
let cookie: string;
let host: string;
const logLines: string[] = [];
/** Told after every log line. */
let onLogLine: () => void = () => undefined;

interface RawAnswer {
  status: number;
  body: string;
}

interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One request exactly as written (path, headers, body), on a fresh connection. */
function send({ method = 'GET', path, headers = {}, body }: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(shell.origin);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { hostname, port, method, path, headers: { host, cookie, connection: 'close', ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'fieldkit-hostile-web-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Fieldkit</title>');
  const handlers = { 'session.state': () => ({ status: 'signed-out', demo: false }) } as unknown as Handlers;
  uploads = new UploadStore({
    folder: join(staticDir, 'uploads'),
    maxBytes: MAX_UPLOAD_BYTES,
    ttlMs: 60_000,
    maxFiles: 2,
    now: Date.now,
  });
  shell = await startWebShell({
    router: createRouter(handlers, silentLogger),
    events: new EventBus(),
    uploads,
    maxUploadBytes: MAX_UPLOAD_BYTES,
    staticDir,
    log: createLogger('web', {
      level: 'debug',
      sink: (line) => {
        logLines.push(line);
        onLogLine();
      },
    }),
  });
  host = new URL(shell.origin).host;
  const launch = await fetch(shell.launchUrl, { redirect: 'manual' });
  cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await shell.close();
  await uploads.close();
  rmSync(staticDir, { recursive: true, force: true });
});

beforeEach(() => {
  logLines.length = 0;
});

/** The host said no in a few words, and logged at most one line without a stack. */
function expectRefused(answer: RawAnswer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.body.length).toBeLessThan(200);
  expect(answer.body).not.toMatch(/\bat \S+ \(|Error:/);
  expect(logLines.length).toBeLessThanOrEqual(1);
  for (const line of logLines) {
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/^ERROR/);
  }
}

describe('the browser shell host, sent malformed requests', () => {
  it.each([
    ['a bad %-escape in the path', '/%zz'],
    ['a cut UTF-8 sequence in the path', '/index%E0%A4%A.html'],
    ['a bad %-escape in a call name', '/rpc/session.%E0%A4%A'],
    ['a bad %-escape in the query', '/index.html?q=%E0%A4%A'],
    ['a bad %-escape in the launch token', '/?token=%zz'],
    ['an absolute-form target', 'http://evil.example/index.html'],
  ])('answers 400 to %s', async (_label, path) => {
    const method = path.startsWith('/rpc/') ? 'POST' : 'GET';
    const headers: Record<string, string> = method === 'POST' ? { 'content-type': 'application/json' } : {};
    const answer = await send({ method, path, headers, body: method === 'POST' ? '{}' : undefined });
    expectRefused(answer, 400);
    expect(answer.body).toMatch(/^Bad request: /);
  });

  it('answers 400 to a call whose body is not JSON, with the error envelope', async () => {
    const answer = await send({
      method: 'POST',
      path: '/rpc/session.state',
      headers: { 'content-type': 'application/json' },
      body: '{"unterminated',
    });
    expectRefused(answer, 400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it.each([
    ['GET', '/rpc/session.state'],
    ['PUT', '/rpc/session.state'],
    ['POST', '/index.html'],
    ['DELETE', '/events'],
    ['OPTIONS', '/'],
  ])('answers 405 to %s %s', async (method, path) => {
    expectRefused(await send({ method, path }), 405);
  });

  it('answers 413 to an oversize call, and the client gets to read it', async () => {
    const answer = await send({
      method: 'POST',
      path: '/rpc/session.state',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(3 * 1024 * 1024, 0x20),
    });
    expectRefused(answer, 413);
  });

  it.each([
    ['no value', 'fieldkit_session'],
    ['a bad %-escape', 'fieldkit_session=%zz'],
    ['only separators', '=;;=;'],
    ['a token of the wrong length', `fieldkit_session=${'a'.repeat(4000)}`],
    ['bytes outside ASCII', 'fieldkit_session=\u00e9\u00e9\u00e9'],
  ])('answers 401 to a cookie with %s', async (_label, badCookie) => {
    expectRefused(await send({ path: '/index.html', headers: { cookie: badCookie } }), 401);
  });

  it('treats //host/path as a path, not as another host', async () => {
    expectRefused(await send({ path: '//evil.example/index.html' }), 404);
  });

  it('logs one line when a client goes away in the middle of its call, and keeps serving', async () => {
    const { hostname, port } = new URL(shell.origin);
    const warned = new Promise<void>((resolve) => (onLogLine = resolve));
    const outgoing = httpRequest({
      hostname,
      port,
      method: 'POST',
      path: '/rpc/session.state',
      headers: { host, cookie, 'content-type': 'application/json', 'content-length': '1000' },
    });
    outgoing.on('error', () => undefined);
    outgoing.write('{"partial":', () => outgoing.destroy());
    await warned;

    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/^WARN \[web\] a POST request ended before its answer/);
    expect((await send({ path: '/index.html' })).status).toBe(200);
  });
});
