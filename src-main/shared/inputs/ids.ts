/** The ids calls carry, checked once here for the contract, the CLI and the files they name. */
import { z } from 'zod';

/** A Rainbow id: it goes into request paths and file names, so nothing but these characters is accepted. */
export const RAINBOW_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const rainbowId = (what: string) =>
  z.string().trim().regex(RAINBOW_ID, `A ${what} id is letters, digits, dashes or underscores.`);

export const systemId = rainbowId('CloudPBX');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Scans and import runs have UUIDs, which the caller may choose when it starts one, so it can tell the events
 * of its own at once. A run's id also names its journal file, so nothing else is accepted.
 */
export const uuidId = (what: string) => z.string().trim().regex(UUID, `Not a ${what} id.`);
