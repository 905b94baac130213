import { ApiError } from './responses';

/**
 * Readers for JSON request bodies. Like the query readers, an absent field means "not given" and a present
 * but invalid one is a 400 naming the field; unknown fields are ignored, as the API ignores them.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

/** A missing body reads as `{}`. */
export function bodyObject(body: unknown): JsonObject {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ApiError.badRequest('Request body must be a JSON object');
  }
  return body as JsonObject;
}

export function optionalString(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw ApiError.badRequest(`Field '${name}' must be a string`);
  return value;
}

export function requiredString(body: JsonObject, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value.trim() === '') throw ApiError.badRequest(`Field '${name}' is required`);
  return value;
}

export function requiredInteger(body: JsonObject, name: string): number {
  const value = body[name];
  if (value === undefined || value === null) throw ApiError.badRequest(`Field '${name}' is required`);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw ApiError.badRequest(`Field '${name}' must be an integer`);
  }
  return value;
}

export function optionalChoice<V extends string>(
  body: JsonObject,
  name: string,
  allowed: readonly V[],
): V | undefined {
  const value = optionalString(body, name);
  if (value === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw ApiError.badRequest(`Field '${name}' must be one of: ${allowed.join(', ')}`);
  }
  return match;
}
