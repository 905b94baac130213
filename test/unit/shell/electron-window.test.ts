import { describe, expect, it } from 'vitest';
import { applicationMenu } from '../../../src-main/shell/electron/app-menu';
import { bringToFront, type FocusableWindow } from '../../../src-main/shell/electron/bring-to-front';
import { mainWindowOptions } from '../../../src-main/shell/electron/window-options';

describe('the Electron window options', () => {
  it('give a packaged build no DevTools, and keep the window locked down', () => {
    expect(mainWindowOptions('/app/preload.cjs', true).webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('keep DevTools for a development run only', () => {
    expect(mainWindowOptions('/p', false).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions('/p', false).webPreferences?.sandbox).toBe(true);
  });
});

describe('the application menu', () => {
  it('is gone from a packaged build on Windows and Linux, with its reload and DevTools shortcuts', () => {
    expect(applicationMenu(true, 'linux')).toBeNull();
    expect(applicationMenu(true, 'win32')).toBeNull();
  });

  it('keeps only the app and Edit menus of a packaged build on macOS', () => {
    expect(applicationMenu(true, 'darwin')).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
  });

  it("stays Electron's default while developing", () => {
    expect(applicationMenu(false, 'linux')).toBe('default');
  });
});

class RecordingWindow implements FocusableWindow {
  readonly calls: string[] = [];
  constructor(
    private readonly minimised: boolean,
    private readonly destroyed = false,
  ) {}
  isDestroyed = (): boolean => this.destroyed;
  isMinimized = (): boolean => this.minimised;
  restore = (): void => void this.calls.push('restore');
  show = (): void => void this.calls.push('show');
  focus = (): void => void this.calls.push('focus');
}

describe('a second launch', () => {
  it('restores a minimised window, shows and focuses it', () => {
    const window = new RecordingWindow(true);
    bringToFront(window);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('focuses a window that is only behind others', () => {
    const window = new RecordingWindow(false);
    bringToFront(window);
    expect(window.calls).toEqual(['show', 'focus']);
  });

  it('does nothing before the window exists or after it is gone', () => {
    const closed = new RecordingWindow(true, true);
    expect(() => bringToFront(undefined)).not.toThrow();
    bringToFront(closed);
    expect(closed.calls).toEqual([]);
  });
});
