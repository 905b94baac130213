/** Bounds the core enforces and the screens show or pre-check, declared once for both. */

/** Far beyond any rollout (100,000 lines of CSV is about 6 MB); refused before anything is parsed. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const MAX_APPLY_CONCURRENCY = 16;

/** The CloudPBX keeps a device description of at most this many characters. */
export const MAX_DEVICE_DESCRIPTION = 128;

export const MIN_DEBUG_SECONDS = 60;
export const MAX_DEBUG_SECONDS = 86_400;

export const DEFAULT_SWAP_TIMEOUT_SECONDS = 180;
export const MAX_SWAP_TIMEOUT_SECONDS = 3_600;
