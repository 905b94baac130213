import { ApiError } from './responses';

/**
 * Readers for query parameters. An absent or empty parameter means "not given"; a present but invalid one is
 * a 400 with the documented error body, never silently ignored.
 */

export interface Page {
  limit: number;
  offset: number;
}

export interface Sort<F extends string> {
  field: F;
  order: 1 | -1;
}

const DEFAULT_LIMIT = 100;
const INTEGER = /^-?\d+$/;

/**
 * The public Rainbow SDK writes an argument its caller left out as the text `undefined` (`offset=undefined`,
 * `assigned=undefined`), and the real service answers it as if the parameter were absent.
 */
const NOT_GIVEN = new Set(['', 'undefined']);

function raw(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || NOT_GIVEN.has(value) ? undefined : value;
}

export function readString(
  query: URLSearchParams,
  name: string,
  rules: { minLength?: number } = {},
): string | undefined {
  const value = raw(query, name);
  if (value === undefined) return undefined;
  if (rules.minLength !== undefined && value.length < rules.minLength) {
    throw ApiError.badRequest(`Parameter '${name}' must have at least ${rules.minLength} characters`);
  }
  return value;
}

export function readInteger(
  query: URLSearchParams,
  name: string,
  bounds: { min?: number; max?: number } = {},
): number | undefined {
  const value = raw(query, name);
  if (value === undefined) return undefined;
  const parsed = INTEGER.test(value) ? Number(value) : Number.NaN;
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw ApiError.badRequest(`Parameter '${name}' must be an integer between ${min} and ${max}`);
  }
  return parsed;
}

export function readBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const value = raw(query, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw ApiError.badRequest(`Parameter '${name}' must be true or false`);
}

/** One value of a closed set, e.g. `format=small`. */
export function readChoice<V extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly V[],
): V | undefined {
  const value = raw(query, name);
  if (value === undefined) return undefined;
  if (!isOneOf(value, allowed)) {
    throw ApiError.badRequest(`Parameter '${name}' must be one of: ${allowed.join(', ')}`);
  }
  return value;
}

/** A comma-separated list of values of a closed set, e.g. `category=deskphone,dectmobile`. */
export function readChoiceList<V extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly V[],
  fallback: readonly V[],
): V[] {
  const value = raw(query, name);
  if (value === undefined) return [...fallback];
  const items = value.split(',').map((item) => item.trim());
  const unknown = items.filter((item) => !isOneOf(item, allowed));
  if (unknown.length > 0) {
    throw ApiError.badRequest(
      `Parameter '${name}' has unknown values (${unknown.join(', ')}); allowed: ${allowed.join(', ')}`,
    );
  }
  return items.filter((item): item is V => isOneOf(item, allowed));
}

export function readPage(query: URLSearchParams, rules: { maxLimit?: number } = {}): Page {
  const limit = readInteger(query, 'limit', { min: 1, max: rules.maxLimit ?? Number.MAX_SAFE_INTEGER });
  const offset = readInteger(query, 'offset', { min: 0 });
  return { limit: limit ?? DEFAULT_LIMIT, offset: offset ?? 0 };
}

/**
 * The query a list route reads when the server serves at most `cap` items a page: a `limit` above the cap (or
 * none, i.e. the default 100) becomes the cap, so the route's envelope reports the size it served. A `limit`
 * that is not a whole number is left as it is, for the route to refuse.
 */
export function capPageLimit(query: URLSearchParams, cap: number | undefined): URLSearchParams {
  if (cap === undefined) return query;
  const asked = raw(query, 'limit');
  const limit = asked === undefined ? DEFAULT_LIMIT : INTEGER.test(asked) ? Number(asked) : Number.NaN;
  if (!(limit > cap)) return query;
  const capped = new URLSearchParams(query);
  capped.set('limit', String(cap));
  return capped;
}

export function readSort<F extends string>(
  query: URLSearchParams,
  fields: readonly F[],
  fallback: F,
): Sort<F> {
  const field = readChoice(query, 'sortField', fields) ?? fallback;
  const order = readInteger(query, 'sortOrder', { min: -1, max: 1 }) ?? 1;
  if (order === 0) throw ApiError.badRequest(`Parameter 'sortOrder' must be 1 or -1`);
  return { field, order: order === 1 ? 1 : -1 };
}

function isOneOf<V extends string>(value: string, allowed: readonly V[]): value is V {
  return (allowed as readonly string[]).includes(value);
}
