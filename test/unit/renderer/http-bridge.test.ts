// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '@renderer/api/http-bridge';

/** The browser's EventSource, reduced to what the bridge uses; tests deliver messages with `emit`. */
class FakeEventSource {
  static readonly opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((message: { data: string }) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (message: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, payload: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(payload) });
  }
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  FakeEventSource.opened.length = 0;
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const answer = (status: number, body: unknown = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the browser shell transport', () => {
  it('posts each call as JSON to /rpc/<name> with the page’s cookie, and answers the core’s envelope', async () => {
    fetchMock.mockImplementation(async () => answer(200, { ok: true, value: ['sys-1'] }));
    const bridge = createHttpBridge();
    await expect(bridge.systems.get({ systemId: 'sys-1' })).resolves.toEqual({ ok: true, value: ['sys-1'] });
    await (bridge.systems.list as (input?: unknown) => Promise<unknown>)();
    expect(fetchMock.mock.calls).toEqual([
      [
        '/rpc/systems.get',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: '{"systemId":"sys-1"}',
        },
      ],
      ['/rpc/systems.list', expect.objectContaining({ body: '{}' })],
    ]);
  });

  it('passes the core’s own error envelope through untouched', async () => {
    const refusal = { ok: false, error: { code: 'invalid-input', message: 'systemId: required' } };
    fetchMock.mockResolvedValue(answer(200, refusal));
    await expect(createHttpBridge().systems.get({ systemId: '' })).resolves.toEqual(refusal);
  });

  it.each([
    ['the host is gone', () => Promise.reject(new TypeError('Failed to fetch')), /not answering/],
    ['the launch token was refused', () => Promise.resolve(answer(401)), /not authorised any more/],
    ['the page is forbidden', () => Promise.resolve(answer(403)), /not authorised any more/],
    ['the host failed', () => Promise.resolve(answer(500)), /answered 500/],
  ])('answers `unreachable` with what to do when %s', async (_, respond, message) => {
    fetchMock.mockImplementation(respond);
    const result = await createHttpBridge().systems.get({ systemId: 'sys-1' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unreachable', message: expect.stringMatching(message) },
    });
  });

  it('escapes the call name into the path', async () => {
    fetchMock.mockResolvedValue(answer(200, { ok: true, value: null }));
    const bridge = createHttpBridge() as unknown as Record<string, Record<string, () => Promise<unknown>>>;
    await bridge['../admin']?.['x?y']?.();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/rpc/..%2Fadmin.x%3Fy');
  });

  it('opens one event stream for all events, and delivers each event to its own listeners until they leave', () => {
    const bridge = createHttpBridge();
    const sessions: unknown[] = [];
    const progress: unknown[] = [];
    const stopSessions = bridge.on('session.changed', (payload) => sessions.push(payload));
    bridge.on('batch.progress', (payload) => progress.push(payload));
    bridge.on('session.changed', () => undefined);

    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['/events']);
    const [source] = FakeEventSource.opened;
    source?.emit('session.changed', { status: 'online' });
    stopSessions();
    source?.emit('session.changed', { status: 'offline' });
    source?.emit('batch.progress', { done: 1 });
    expect(sessions).toEqual([{ status: 'online' }]);
    expect(progress).toEqual([{ done: 1 }]);
    // One browser listener per event name, however many subscribers.
    expect(source?.listeners.get('session.changed')).toHaveLength(1);
  });
});
