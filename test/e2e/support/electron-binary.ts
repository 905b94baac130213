import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ELECTRON_PACKAGE = join(import.meta.dirname, '..', '..', '..', 'node_modules', 'electron');

/** The installed Electron binary, or undefined — read without `require('electron')`, which would try to download it. */
export function installedElectronBinary(): string | undefined {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
