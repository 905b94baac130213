import { vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';

/**
 * Does `act` (a submit, an Enter), then lets pass at once the 100 ms after which Element Plus shows a form item's
 * error (its debounce), so the test reads the errors without polling.
 */
export async function showingFormErrors(act: () => unknown): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    await act();
    await flushPromises();
    await vi.advanceTimersByTimeAsync(100);
    await flushPromises();
  } finally {
    vi.useRealTimers();
  }
}
