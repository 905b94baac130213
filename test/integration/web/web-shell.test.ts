import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/api/events';
import { createRouter, type Handlers } from '../../../src-main/api/router';
import { silentLogger } from '../../../src-main/services/log/logger';
import { startWebShell, type WebShell } from '../../../src-main/shell/web/server';
import { UploadStore } from '../../../src-main/services/files/upload-store';

const state = { status: 'signed-out' as const, demo: false };
let shell: WebShell;
let cookie: string;
let staticDir: string;
const events = new EventBus();
const MAX_UPLOAD = 2 * 1024 * 1024;
let uploads: UploadStore;
let uploadFolder: string;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'fieldkit-web-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Fieldkit</title>');
  writeFileSync(join(tmpdir(), 'outside.txt'), 'not for the page');
  const handlers = { 'session.state': () => state } as unknown as Handlers;
  uploadFolder = join(staticDir, 'uploads');
  uploads = new UploadStore({
    folder: uploadFolder,
    maxBytes: MAX_UPLOAD,
    ttlMs: 60_000,
    maxFiles: 4,
    now: Date.now,
  });
  shell = await startWebShell({
    router: createRouter(handlers, silentLogger),
    events,
    uploads,
    maxUploadBytes: MAX_UPLOAD,
    staticDir,
    log: silentLogger,
  });
  const launch = await fetch(shell.launchUrl, { redirect: 'manual' });
  expect(launch.status).toBe(303);
  cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await shell.close();
  await uploads.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${shell.origin}/rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(body),
  });

describe('browser shell host', () => {
  it('listens on loopback only', () => {
    expect(new URL(shell.origin).hostname).toBe('127.0.0.1');
  });

  it('sets the token as an HttpOnly, SameSite=Strict cookie and redirects away from the token URL', async () => {
    const launch = await fetch(shell.launchUrl, { redirect: 'manual' });
    expect(launch.headers.get('location')).toBe('/');
    expect(launch.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses every request without the token', async () => {
    expect((await fetch(`${shell.origin}/`)).status).toBe(401);
    expect((await fetch(`${shell.origin}/index.html`)).status).toBe(401);
    expect((await fetch(`${shell.origin}/events`)).status).toBe(401);
    const response = await fetch(`${shell.origin}/rpc/session.state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    expect((await fetch(`${shell.origin}/?token=guess`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`${shell.origin}/`, { headers: { cookie: 'fieldkit_session=guess' } })).status).toBe(
      401,
    );
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(shell.origin);
      request(
        { host: url.hostname, port: url.port, path: '/', headers: { host: 'evil.example:80', cookie } },
        (res) => resolve(res.statusCode ?? 0),
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with a strict CSP', async () => {
    const response = await fetch(`${shell.origin}/`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Fieldkit</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('never serves files outside the renderer folder', async () => {
    const response = await fetch(`${shell.origin}/..%2Foutside.txt`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });

  it('dispatches calls through the router', async () => {
    const response = await call('session.state', {});
    expect(await response.json()).toEqual({ ok: true, value: state });
    expect(await (await call('nope.never', {})).json()).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
  });

  it('refuses calls from another origin and non-JSON bodies', async () => {
    expect((await call('session.state', {}, { origin: 'https://evil.example' })).status).toBe(403);
    const form = await fetch(`${shell.origin}/rpc/session.state`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('streams core events as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${shell.origin}/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(': connected');
    events.emit('session.changed', { status: 'online', demo: true, profile: 'demo' });
    while (!/event: session\.changed\ndata: .*\n\n/.test(text))
      text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: session.changed\ndata: {"status":"online","demo":true,"profile":"demo"}');
    controller.abort();
  });

  describe('POST /upload', () => {
    const upload = (
      body: Uint8Array | string | ReadableStream<Uint8Array>,
      headers: Record<string, string> = {},
    ) =>
      fetch(`${shell.origin}/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', cookie, ...headers },
        body,
        duplex: 'half',
      } as RequestInit);

    it('streams a file larger than a call may be to the store and answers its id', async () => {
      const bytes = new Uint8Array(MAX_UPLOAD).map((_, index) => index % 251);
      const response = await upload(bytes);
      expect(response.status).toBe(200);
      const { value } = (await response.json()) as { value: { fileId: string } };
      expect(Buffer.from(await uploads.read(value.fileId)).equals(bytes)).toBe(true);
    });

    it('answers 413 past the limit, declared or streamed, and keeps nothing of it', async () => {
      const before = readdirSync(uploadFolder, { recursive: true });
      expect((await upload(new Uint8Array(MAX_UPLOAD + 1))).status).toBe(413);
      const chunks = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array(256 * 1024));
        },
      });
      // Streamed without a length, endlessly: refused once past the limit, never read to the end.
      expect((await upload(chunks).catch(() => ({ status: 413 }))).status).toBe(413);
      expect(readdirSync(uploadFolder, { recursive: true })).toEqual(before);
    });

    it('refuses uploads without the token, from another origin, or not as octet-stream', async () => {
      expect((await upload('x', { cookie: '' })).status).toBe(401);
      expect((await upload('x', { origin: 'http://evil.example' })).status).toBe(403);
      expect((await upload('x', { 'content-type': 'text/plain' })).status).toBe(415);
    });
  });
});
