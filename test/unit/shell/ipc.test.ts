import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src-main/api/events';
import type { Router } from '../../../src-main/api/router';
import type { CallResult } from '../../../src-main/api/types';
import { APP_ORIGIN } from '../../../src-main/shell/electron/app-protocol';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-main/shell/electron/channels';
import { bridgeCalls, bridgeEvents } from '../../../src-main/shell/electron/ipc';

type Handler = (event: { senderFrame: unknown }, name: unknown, input: unknown) => unknown;

const electron = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler) },
  protocol: {},
}));

const router = {
  dispatch: vi.fn(async (): Promise<CallResult<unknown>> => ({ ok: true, value: 'done' })),
} satisfies Router;

function frame(url: string, parent: unknown = null) {
  return { url, parent };
}

async function callFrom(senderFrame: unknown): Promise<unknown> {
  const handler = electron.handlers.get(CALL_CHANNEL);
  if (!handler) throw new Error('no handler on the call channel');
  return handler({ senderFrame }, 'systems.list', { force: true });
}

const FORBIDDEN = {
  ok: false,
  error: { code: 'forbidden', message: 'Calls are accepted from the Fieldkit window only.' },
};

beforeEach(() => {
  electron.handlers.clear();
  router.dispatch.mockClear();
  bridgeCalls(router);
});

describe('IPC sender check', () => {
  it("passes calls from the app's own top-level page to the router", async () => {
    await expect(callFrom(frame(`${APP_ORIGIN}/index.html#/systems`))).resolves.toEqual({
      ok: true,
      value: 'done',
    });
    expect(router.dispatch).toHaveBeenCalledWith('systems.list', { force: true });
  });

  it.each([
    ['an iframe inside the app page', frame(`${APP_ORIGIN}/frame.html`, frame(`${APP_ORIGIN}/index.html`))],
    ['a page navigated to another origin', frame('https://evil.example/')],
    ['a look-alike origin', frame('app://fieldkit.evil/')],
    ['a file page', frame('file:///tmp/page.html')],
    ['a page without an address', frame('')],
    ['a frame already gone', null],
  ])('refuses calls from %s, without reaching the router', async (_, sender) => {
    await expect(callFrom(sender)).resolves.toEqual(FORBIDDEN);
    expect(router.dispatch).not.toHaveBeenCalled();
  });
});

describe('bridgeEvents', () => {
  it('forwards every core event to the window until it is destroyed or unsubscribed', () => {
    const bus = new EventBus();
    const sent: unknown[][] = [];
    let destroyed = false;
    const contents = { isDestroyed: () => destroyed, send: (...args: unknown[]) => sent.push(args) };
    const stop = bridgeEvents(bus, contents as unknown as Parameters<typeof bridgeEvents>[1]);
    bus.emit('session.changed', { status: 'online' } as never);
    destroyed = true;
    bus.emit('session.changed', { status: 'offline' } as never);
    destroyed = false;
    stop();
    bus.emit('session.changed', { status: 'online' } as never);
    expect(sent).toEqual([[EVENT_CHANNEL, 'session.changed', { status: 'online' }]]);
  });
});
