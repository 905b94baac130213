// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '@api/contract';
import { ApiError, createApi } from '@renderer/api/api';

/** A bridge with one call answering `answer`, and an `on` that records what subscribed. */
function bridgeAnswering(answer: unknown) {
  const get = vi.fn(async (_input?: unknown) => answer);
  const stop = vi.fn();
  const on = vi.fn(() => stop);
  const bridge = { systems: { get }, on } as unknown as Bridge;
  return { bridge, get, on, stop };
}

describe('createApi', () => {
  it('answers the value of a successful call, passing the input through', async () => {
    const { bridge, get } = bridgeAnswering({ ok: true, value: { id: 'sys-1' } });
    const api = createApi(bridge);
    await expect(api.systems.get({ systemId: 'sys-1' })).resolves.toEqual({ id: 'sys-1' });
    expect(get).toHaveBeenCalledWith({ systemId: 'sys-1' });
  });

  it('throws the core’s error as an ApiError with its code, hint and field issues intact', async () => {
    const error = {
      code: 'invalid-input',
      message: 'systemId: required',
      hint: 'Pick a CloudPBX.',
      issues: [{ field: 'systemId', message: 'required' }],
    };
    const api = createApi(bridgeAnswering({ ok: false, error }).bridge);
    const thrown = await api.systems.get({ systemId: '' }).catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ name: 'ApiError', code: 'invalid-input', message: 'systemId: required' });
    expect((thrown as ApiError).data).toEqual(error);
  });

  it('refuses a call the bridge does not have, naming it', async () => {
    const api = createApi(bridgeAnswering({ ok: true, value: null }).bridge) as unknown as Record<
      string,
      Record<string, () => Promise<unknown>>
    >;
    await expect(api.systems?.reboot?.()).rejects.toMatchObject({
      code: 'unknown-call',
      message: 'Unknown call systems.reboot',
    });
    await expect(api.shell?.exec?.()).rejects.toMatchObject({
      code: 'unknown-call',
      message: 'Unknown call shell.exec',
    });
  });

  it('hands subscriptions to the bridge and answers its unsubscribe', () => {
    const { bridge, on, stop } = bridgeAnswering(undefined);
    const listener = (): void => undefined;
    const unsubscribe = createApi(bridge).on('session.changed', listener);
    expect(on).toHaveBeenCalledWith('session.changed', listener);
    unsubscribe();
    expect(stop).toHaveBeenCalledOnce();
  });
});
