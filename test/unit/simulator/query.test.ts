import { describe, expect, it } from 'vitest';
import {
  capPageLimit,
  readBoolean,
  readChoice,
  readChoiceList,
  readInteger,
  readPage,
  readSort,
  readString,
} from '../../../src-main/simulator/http/query';
import { ApiError } from '../../../src-main/simulator/http/responses';

const query = (text: string) => new URLSearchParams(text);

function badRequest(read: () => unknown): ApiError {
  try {
    read();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('query readers', () => {
  it('reads pages with the documented defaults', () => {
    expect(readPage(query(''))).toEqual({ limit: 100, offset: 0 });
    expect(readPage(query('limit=5&offset=10'))).toEqual({ limit: 5, offset: 10 });
    expect(readPage(query('limit=&offset='))).toEqual({ limit: 100, offset: 0 });
  });

  it('answers 400 for limits and offsets that are not whole numbers in range', () => {
    for (const text of [
      'limit=0',
      'limit=-3',
      'limit=1.5',
      'limit=ten',
      'limit=1e3',
      'offset=-1',
      'offset=x',
    ]) {
      const error = badRequest(() => readPage(query(text)));
      expect(error.status, text).toBe(400);
      expect(error.toBody(), text).toMatchObject({
        errorCode: 400,
        errorMsg: 'Bad Request',
        errorDetailsCode: 400000,
      });
    }
    expect(badRequest(() => readPage(query('limit=1001'), { maxLimit: 1000 })).details).toBe(
      "Parameter 'limit' must be an integer between 1 and 1000",
    );
  });

  it('reads sort field and order', () => {
    const fields = ['macAddress', 'shortNumber'] as const;
    expect(readSort(query(''), fields, 'macAddress')).toEqual({ field: 'macAddress', order: 1 });
    expect(readSort(query('sortField=shortNumber&sortOrder=-1'), fields, 'macAddress')).toEqual({
      field: 'shortNumber',
      order: -1,
    });
    expect(badRequest(() => readSort(query('sortOrder=0'), fields, 'macAddress')).status).toBe(400);
    expect(badRequest(() => readSort(query('sortField=colour'), fields, 'macAddress')).status).toBe(400);
  });

  it('reads booleans strictly', () => {
    expect(readBoolean(query('assigned=true'), 'assigned')).toBe(true);
    expect(readBoolean(query('assigned=false'), 'assigned')).toBe(false);
    expect(readBoolean(query(''), 'assigned')).toBeUndefined();
    expect(badRequest(() => readBoolean(query('assigned=1'), 'assigned')).status).toBe(400);
  });

  it('reads comma lists of known values, with a fallback', () => {
    const allowed = ['deskphone', 'dectmobile', 'uncategorized'] as const;
    expect(readChoiceList(query(''), 'category', allowed, ['deskphone', 'uncategorized'])).toEqual([
      'deskphone',
      'uncategorized',
    ]);
    expect(readChoiceList(query('category=dectmobile, deskphone'), 'category', allowed, [])).toEqual([
      'dectmobile',
      'deskphone',
    ]);
    expect(badRequest(() => readChoiceList(query('category=fax'), 'category', allowed, [])).details).toMatch(
      /fax/,
    );
    expect(readChoice(query('format=full'), 'format', ['small', 'full'])).toBe('full');
  });

  it('enforces minimum lengths of text filters and integer bounds', () => {
    expect(readString(query('description=abc'), 'description', { minLength: 3 })).toBe('abc');
    expect(
      badRequest(() => readString(query('description=ab'), 'description', { minLength: 3 })).status,
    ).toBe(400);
    expect(readInteger(query('deviceTypeId=999998'), 'deviceTypeId', { min: 0 })).toBe(999998);
  });

  it('caps the limit like a server: above the cap or absent becomes the cap, the rest is left alone', () => {
    const limitOf = (text: string, cap: number | undefined) => capPageLimit(query(text), cap).get('limit');
    expect(limitOf('limit=50&offset=37', 37)).toBe('37');
    expect(limitOf('offset=3', 37)).toBe('37');
    expect(limitOf('limit=20', 37)).toBe('20');
    expect(limitOf('limit=50', undefined)).toBe('50');
    expect(limitOf('limit=ten', 37)).toBe('ten');
    expect(capPageLimit(query('limit=50&offset=37'), 37).get('offset')).toBe('37');
  });

  it('reads `undefined`, as the public SDK writes a parameter its caller left out, as not given', () => {
    const sdkQuery = query('limit=100&offset=undefined&sortOrder=1&assigned=undefined');
    expect(readPage(sdkQuery)).toEqual({ limit: 100, offset: 0 });
    expect(readBoolean(sdkQuery, 'assigned')).toBeUndefined();
  });
});
