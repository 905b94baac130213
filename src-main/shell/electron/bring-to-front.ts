/** The part of a BrowserWindow that bringing it back needs. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * A second launch of Fieldkit quits at once and this instance shows its window instead: restored if minimised,
 * shown if hidden, focused. Nothing to do before the window exists (it shows itself once ready).
 */
export function bringToFront(window: FocusableWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
