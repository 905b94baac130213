import { describe, expect, it } from 'vitest';
import { callNames } from '../../../src-main/api/contract';
import { lazyHandlers } from '../../../src-main/app/handlers/lazy-handlers';
import type { NamespaceHandlers } from '../../../src-main/app/handlers/handler-types';
import { lazy } from '../../../src-main/app/lazy';

describe('lazy', () => {
  it('builds nothing until asked, then once, however many ask at the same time', async () => {
    let builds = 0;
    const service = lazy(async () => ({ id: ++builds }));
    expect(builds).toBe(0);
    expect(service.built()).toBeUndefined();
    const [first, second] = await Promise.all([service(), service()]);
    expect(first).toBe(second);
    expect(await service()).toBe(first);
    expect(service.built()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps no failed build: the next use builds again', async () => {
    let attempts = 0;
    const service = lazy(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('keychain locked');
      return { attempts };
    });
    await expect(service()).rejects.toThrow('keychain locked');
    expect(service.built()).toBeUndefined();
    expect(await service()).toEqual({ attempts: 2 });
    expect(attempts).toBe(2);
  });
});

describe('lazyHandlers', () => {
  const auditCalls = callNames.filter((name) => name.startsWith('audit.'));

  it('answers every call of the namespace, and only those, before anything is loaded', () => {
    const handlers = lazyHandlers('audit', () => Promise.reject(new Error('loaded')));
    expect(Object.keys(handlers).sort()).toEqual([...auditCalls].sort());
    expect(auditCalls.length).toBeGreaterThan(0);
  });

  it('loads the namespace on its first call, once, and hands each call its input', async () => {
    let loads = 0;
    const seen: unknown[] = [];
    const handlers = lazyHandlers('audit', async () => {
      loads += 1;
      return {
        'audit.list': (input: unknown) => {
          seen.push(input);
          return [];
        },
        'audit.exportCsv': () => ({ fileName: 'audit.csv', csv: '' }),
      } as unknown as NamespaceHandlers<'audit'>;
    });
    expect(loads).toBe(0);
    const input = { limit: 5 } as never;
    const [list] = await Promise.all([
      handlers['audit.list'](input),
      handlers['audit.exportCsv']({} as never),
    ]);
    expect(list).toEqual([]);
    expect(loads).toBe(1);
    expect(seen).toEqual([input]);
  });

  it('reports a failed load to the call that needed it, and loads again on the next call', async () => {
    let loads = 0;
    const handlers = lazyHandlers('audit', async () => {
      loads += 1;
      if (loads === 1) throw new Error('module missing');
      return { 'audit.list': () => [] } as unknown as NamespaceHandlers<'audit'>;
    });
    await expect(handlers['audit.list']({} as never)).rejects.toThrow('module missing');
    expect(await handlers['audit.list']({} as never)).toEqual([]);
    expect(loads).toBe(2);
  });
});
