import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu of a packaged build: none on Windows and Linux, and on macOS only the app and Edit menus
 * (quit, copy and paste need them there). Electron's default menu is what carries the reload and DevTools
 * shortcuts (Ctrl+R, Ctrl+Shift+I), so a packaged build never keeps it. `'default'`: a development run keeps it.
 */
export function applicationMenu(
  packaged: boolean,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] | null | 'default' {
  if (!packaged) return 'default';
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }] : null;
}
