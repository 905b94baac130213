import type { IncomingHttpHeaders } from 'node:http';
import type { Session } from '../auth/token-authority';
import type { SimulatorTenant } from '../tenant/tenant';
import type { Reply } from './responses';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Everything a handler may read about one request. */
export interface RouteContext {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, `undefined` when the request had none. */
  body: unknown;
  tenant: SimulatorTenant;
}

export interface PublicRoute {
  method: HttpMethod;
  pattern: string;
  access: 'public';
  handle(context: RouteContext): Reply;
}

/** The request handler checks the bearer token before calling `handle`, so handlers always get a session. */
export interface BearerRoute {
  method: HttpMethod;
  pattern: string;
  access: 'bearer';
  handle(context: RouteContext, session: Session): Reply;
}

export type Route = PublicRoute | BearerRoute;

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

/**
 * Table-driven routing: `METHOD /path/:param` → handler. When several patterns match, the one with a literal
 * segment where the other has a parameter wins (`/phone-numbers/free` before `/phone-numbers/:id`), whatever
 * the table order.
 */
export class Router {
  /** The routes by their number of segments: a path is compared only with patterns as long as it. */
  readonly #routesByLength = new Map<number, CompiledRoute[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const segments = splitPath(route.pattern);
      const sameLength = this.#routesByLength.get(segments.length) ?? [];
      sameLength.push({ route, segments });
      this.#routesByLength.set(segments.length, sameLength);
    }
  }

  match(method: string, path: string): RouteMatch {
    const segments = splitPath(path);
    const candidates = (this.#routesByLength.get(segments.length) ?? [])
      .map((compiled) => ({ compiled, params: matchSegments(compiled.segments, segments) }))
      .filter(
        (candidate): candidate is { compiled: CompiledRoute; params: Record<string, string> } =>
          candidate.params !== undefined,
      )
      .sort((a, b) => compareSpecificity(a.compiled.segments, b.compiled.segments));
    if (candidates.length === 0) return { kind: 'not-found' };
    const hit = candidates.find((candidate) => candidate.compiled.route.method === method);
    if (hit !== undefined) return { kind: 'found', route: hit.compiled.route, params: hit.params };
    return {
      kind: 'method-not-allowed',
      allowed: [...new Set(candidates.map((c) => c.compiled.route.method))],
    };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function isParam(segment: string): boolean {
  return segment.startsWith(':');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const segment = actual[index] ?? '';
    if (isParam(expected)) {
      const value = decodeSegment(segment);
      if (value === undefined) return undefined;
      params[expected.slice(1)] = value;
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function compareSpecificity(a: string[], b: string[]): number {
  for (const [index, segment] of a.entries()) {
    const difference = Number(isParam(segment)) - Number(isParam(b[index] ?? ''));
    if (difference !== 0) return difference;
  }
  return 0;
}
