import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where profiles, caches and journals live: `FIELDKIT_DATA_DIR` when set (tests give each run its own), else
 * the platform's per-user configuration folder — the same one Electron's `userData` resolves to.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FIELDKIT_DATA_DIR) return env.FIELDKIT_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'fieldkit');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'fieldkit');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'fieldkit');
}
