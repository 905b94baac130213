import { describe, expect, it } from 'vitest';
import { okReply } from '../../../src-main/simulator/http/responses';
import { Router, type Route } from '../../../src-main/simulator/http/router';

function route(method: Route['method'], pattern: string): Route {
  return { method, pattern, access: 'public', handle: () => okReply(pattern) };
}

describe('Router', () => {
  const byId = route('GET', '/cloudpbxs/:systemId/phone-numbers/:phoneNumberId');
  const free = route('GET', '/cloudpbxs/:systemId/phone-numbers/free');
  const list = route('GET', '/cloudpbxs');
  const router = new Router([byId, free, list, route('POST', '/cloudpbxs')]);

  it('matches patterns and decodes parameters', () => {
    expect(router.match('GET', '/cloudpbxs/a%20b/phone-numbers/42')).toEqual({
      kind: 'found',
      route: byId,
      params: { systemId: 'a b', phoneNumberId: '42' },
    });
  });

  it('prefers a literal segment over a parameter whatever the table order', () => {
    expect(router.match('GET', '/cloudpbxs/s1/phone-numbers/free')).toMatchObject({
      kind: 'found',
      route: free,
    });
  });

  it('tells a wrong method (with the allowed ones) from an unknown path', () => {
    expect(router.match('DELETE', '/cloudpbxs')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'POST'],
    });
    expect(router.match('GET', '/cloudpbxs/s1/unknown')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/cloudpbxs/%E0%A4%A/phone-numbers/1')).toEqual({ kind: 'not-found' });
  });
});
