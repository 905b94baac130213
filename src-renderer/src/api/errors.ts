import type { FieldkitErrorData } from '@api/types';
import { ApiError } from '@renderer/api/api';

/** Whatever was thrown, as the error data the UI knows how to show. */
export function toErrorData(error: unknown): FieldkitErrorData {
  if (error instanceof ApiError) return error.data;
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
