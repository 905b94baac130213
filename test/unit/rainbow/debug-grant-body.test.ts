import { describe, expect, it } from 'vitest';
import { grantDebugSession } from '../../../src-main/services/rainbow/debug-sessions';
import type { RainbowApi, RequestOptions } from '../../../src-main/services/rainbow/rainbow-api';

/** An API that records what each request would send. */
function recordingApi(): { api: RainbowApi; sent: { path: string; options?: RequestOptions }[] } {
  const sent: { path: string; options?: RequestOptions }[] = [];
  const api: RainbowApi = {
    request: async <T>(_method: string, path: string, options?: RequestOptions): Promise<T> => {
      sent.push({ path, ...(options === undefined ? {} : { options }) });
      return { status: 'Debug session successfully granted' } as T;
    },
    paginate: () => {
      throw new Error('not a list');
    },
    listAll: () => Promise.reject(new Error('not a list')),
    listPages: () => {
      throw new Error('not a list');
    },
  };
  return { api, sent };
}

describe('debug grant body', () => {
  it('sends no duration unless one is asked for (only a superadmin may choose one)', async () => {
    const { api, sent } = recordingApi();
    await grantDebugSession(api, 'sys', 'dev');
    await grantDebugSession(api, 'sys', 'dev', 600);

    expect(sent[0]?.options?.body).toEqual({});
    expect(sent[1]?.options?.body).toEqual({ duration: '600' });
    expect(sent[0]?.path).toBe('/api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/sys/devices/dev/debug');
  });
});
