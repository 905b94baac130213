/**
 * Calls `task` once the browser has nothing else to do, or after `fallbackMs` where it has no idle callbacks
 * (Safari opening the browser shell); answers a function that cancels it.
 */
export function whenIdle(task: () => void, fallbackMs = 200): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task());
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, fallbackMs);
  return () => clearTimeout(timer);
}
