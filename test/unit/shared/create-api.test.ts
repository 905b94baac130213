import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../../src-main/api/contract';
import { ApiError, createApi } from '../../../src-main/shared/create-api';

/** A bridge answering envelopes as the preload, the browser transport and the CLI's dispatch do. */
function bridge(answers: Record<string, unknown>, listeners: ((payload: unknown) => void)[] = []): Bridge {
  const systems = {
    list: async (input: unknown) => answers['systems.list'] ?? { ok: true, value: input },
    get: async () => answers['systems.get'],
  };
  const on = (_: string, listener: (payload: unknown) => void) => {
    listeners.push(listener);
    return () => listeners.splice(listeners.indexOf(listener), 1);
  };
  return { systems, on } as unknown as Bridge;
}

describe('createApi', () => {
  it('answers the value of an ok envelope, passing the input through', async () => {
    const api = createApi(bridge({}));
    expect(await api.systems.list({})).toEqual({});
  });

  it('throws an ApiError carrying the whole error data', async () => {
    const error = {
      code: 'not-found',
      message: 'No such CloudPBX.',
      hint: 'List them.',
      details: { id: 'x' },
    };
    const api = createApi(bridge({ 'systems.get': { ok: false, error } }));
    const thrown = await api.systems.get({ systemId: 'x' }).catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ code: 'not-found', message: 'No such CloudPBX.', data: error });
  });

  it('refuses a call the bridge does not have, as unknown-call', async () => {
    const api = createApi(bridge({}));
    await expect(api.devices.list({ systemId: 'x' })).rejects.toMatchObject({ code: 'unknown-call' });
  });

  it('passes event subscriptions to the bridge', () => {
    const listeners: ((payload: unknown) => void)[] = [];
    const api = createApi(bridge({}, listeners));
    const seen: unknown[] = [];
    const stop = api.on('session.changed', (state) => seen.push(state));
    listeners.forEach((listener) => listener({ status: 'online' }));
    stop();
    expect(seen).toEqual([{ status: 'online' }]);
    expect(listeners).toEqual([]);
  });
});
