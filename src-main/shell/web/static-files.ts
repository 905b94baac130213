import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { decodePercent } from './request-target';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file of the built renderer; `undefined` for anything outside `root` or missing. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  // No file has a name that does not decode.
  const decoded = decodePercent(urlPath);
  if (decoded === undefined) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const path = normalize(join(root, relative));
  if (!path.startsWith(normalize(root) + sep)) return undefined;
  try {
    return {
      body: await readFile(path),
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
