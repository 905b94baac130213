import type { RowSlice } from '../../src-main/services/batch/worker/plan-rows-wire';

/** A slice of plan rows as the calling thread receives it from the import worker: cloned, as `postMessage` does. */
export function crossThreads(slice: RowSlice): RowSlice {
  return structuredClone(slice);
}
