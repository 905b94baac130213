import { describe, expect, it } from 'vitest';
import { decodePercent, parseRequestTarget } from '../../../src-main/shell/web/request-target';

describe('parseRequestTarget', () => {
  it('reads a path and its query, the path still %-encoded', () => {
    const target = parseRequestTarget('/rpc/devices.list%2Fx?token=abc&q=a+b');
    expect(target).toMatchObject({ pathname: '/rpc/devices.list%2Fx' });
    expect('query' in target && target.query.get('q')).toBe('a b');
  });

  it('keeps //host/path a path on this host', () => {
    expect(parseRequestTarget('//evil.example/index.html')).toMatchObject({
      pathname: '//evil.example/index.html',
    });
  });

  it.each([
    [undefined, 'the request target is not a path'],
    ['*', 'the request target is not a path'],
    ['http://evil.example/', 'the request target is not a path'],
    ['/%zz', 'bad %-encoding in the path'],
    ['/a%E0%A4%A', 'bad %-encoding in the path'],
    ['/?token=%E0%A4', 'bad %-encoding in the query'],
  ])('refuses %s: %s', (raw, reason) => {
    expect(parseRequestTarget(raw)).toEqual({ malformed: reason });
  });
});

describe('decodePercent', () => {
  it('decodes, or says it cannot', () => {
    expect(decodePercent('caf%C3%A9')).toBe('café');
    expect(decodePercent('%C3')).toBeUndefined();
  });
});
