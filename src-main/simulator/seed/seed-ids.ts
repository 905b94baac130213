/**
 * Fixed ids of the demo seed: 24 lowercase hex digits like the API's, a common stem, a kind, then a counter.
 * Ids the tenant creates at run time use their own prefix, so they can never collide with seeded ones.
 */
const STEM = '6650a1c0';

const KINDS = {
  company: 'c0',
  user: 'a1',
  system: 'b1',
  site: 'b2',
  subscriber: 'd1',
  device: 'e1',
  ddi: 'd2',
  group: 'd3',
  trunk: 'f1',
} as const;

export type SeedKind = keyof typeof KINDS;

export function seedId(kind: SeedKind, counter: number): string {
  return `${STEM}${KINDS[kind]}${counter.toString(16).padStart(14, '0')}`;
}

export const RUNTIME_ID_PREFIX = `${STEM}ff`;

export const DEMO_COMPANY_ID = seedId('company', 1);

/** The two CloudPBXs of the demo company. */
export const DEMO_SYSTEM_IDS = {
  lyon: seedId('system', 1),
  grenoble: seedId('system', 2),
} as const;
