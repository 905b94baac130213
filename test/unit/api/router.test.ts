import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../src-main/api/router';
import { FieldkitError } from '../../../src-main/services/errors';
import { createLogger } from '../../../src-main/services/log/logger';

function routerWith(overrides: Partial<Handlers>, lines: string[] = []) {
  const unexpected = () => {
    throw new Error('not part of this test');
  };
  const handlers = new Proxy(overrides, {
    get: (target, name: string) => target[name as keyof Handlers] ?? unexpected,
  }) as Handlers;
  return createRouter(handlers, createLogger('test', { sink: (line) => lines.push(line), level: 'debug' }));
}

describe('router', () => {
  it('refuses a call the contract does not declare', async () => {
    const result = await routerWith({}).dispatch('shell.exec', { command: 'rm -rf /' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-call', message: 'Unknown call: shell.exec' },
    });
  });

  it('refuses inherited property names as calls', async () => {
    const result = await routerWith({}).dispatch('toString', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown-call');
  });

  it('validates input and names each offending field', async () => {
    const result = await routerWith({}).dispatch('profiles.save', { name: '', host: 'x', login: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    const fields = result.error.issues?.map((issue) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'login', 'password', 'appId', 'appSecret']));
  });

  it('refuses unexpected extra fields', async () => {
    const result = await routerWith({ 'systems.list': () => [] }).dispatch('systems.list', {
      injected: true,
    });
    expect(result.ok).toBe(false);
  });

  it('passes the parsed (trimmed) input to the handler and answers its value', async () => {
    let received: unknown;
    const router = routerWith({
      'systems.get': (input) => {
        received = input;
        return { id: input.systemId, name: 'Lyon' };
      },
    });
    const result = await router.dispatch('systems.get', { systemId: '  abc123 ' });
    expect(received).toEqual({ systemId: 'abc123' });
    expect(result).toEqual({ ok: true, value: { id: 'abc123', name: 'Lyon' } });
  });

  it('carries a FieldkitError as data', async () => {
    const router = routerWith({
      'systems.list': () => {
        throw new FieldkitError({
          code: 'unreachable',
          message: 'Cannot reach host',
          hint: 'Check the cable',
        });
      },
    });
    expect(await router.dispatch('systems.list', {})).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'Cannot reach host', hint: 'Check the cable' },
    });
  });

  it('hides the details of an unexpected error from the caller but logs them', async () => {
    const lines: string[] = [];
    const router = routerWith(
      {
        'systems.list': () => {
          throw new Error('database path /secret/place exploded');
        },
      },
      lines,
    );
    const result = await router.dispatch('systems.list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('/secret/place');
    }
    expect(lines.join('\n')).toContain('exploded');
  });
});
