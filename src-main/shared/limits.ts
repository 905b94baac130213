/** Far beyond any rollout (100,000 lines of CSV is about 6 MB); refused before anything is parsed. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
