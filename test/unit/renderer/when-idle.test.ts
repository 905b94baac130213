import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '@renderer/time/when-idle';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('runs the task in the browser’s idle callback, and not once cancelled', () => {
    const idle = new Map<number, () => void>();
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.set(idle.size + 1, callback).size);
    vi.stubGlobal('cancelIdleCallback', (handle: number) => idle.delete(handle));
    const task = vi.fn();
    whenIdle(task);
    const cancel = whenIdle(task);
    cancel();
    for (const callback of idle.values()) callback();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('falls back to a timer where the browser has no idle callbacks', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const task = vi.fn();
    whenIdle(task, 200);
    const cancelled = vi.fn();
    whenIdle(cancelled, 200)();
    vi.advanceTimersByTime(199);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
