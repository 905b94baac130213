import { z } from 'zod';
import generatedTable from '../../../resources/vendor-prefixes.json';
import { normaliseMac } from '../../shared/identifiers';

/** What a MAC prefix says about a device on the LAN; the rule lives in scripts/generate-vendor-table.mjs. */
export type VendorKind = 'deskphone' | 'dect-base' | 'ale-other' | 'other';

export interface VendorPrefix {
  /** Lowercase hex digits of the IEEE assignment: 6 (MA-L), 7 (MA-M) or 9 (MA-S). */
  prefix: string;
  /** The same in bits: 24, 28 or 36. */
  length: number;
  organisation: string;
  kind: VendorKind;
}

export interface VendorClassification {
  kind: VendorKind;
  /** The registrant of the matching prefix; absent when no prefix in the table matches. */
  organisation?: string;
}

const vendorPrefixSchema = z
  .object({
    prefix: z.string().regex(/^[0-9a-f]+$/),
    length: z.union([z.literal(24), z.literal(28), z.literal(36)]),
    organisation: z.string().min(1),
    kind: z.enum(['deskphone', 'dect-base', 'ale-other', 'other']),
  })
  .refine((entry) => entry.prefix.length * 4 === entry.length, 'prefix and length disagree');

const vendorTableSchema = z.object({
  generatedFrom: z.string(),
  prefixes: z.array(vendorPrefixSchema).min(1),
});

/**
 * A classifier for the given prefixes: the longest matching prefix wins, so an MA-S block inside someone
 * else's MA-L is attributed to its own registrant. An unreadable or non-device MAC is `other`.
 */
export function createVendorClassifier(
  prefixes: readonly VendorPrefix[],
): (mac: string) => VendorClassification {
  const byPrefix = new Map(prefixes.map((entry) => [entry.prefix, entry]));
  const digitCounts = [...new Set(prefixes.map((entry) => entry.prefix.length))].sort((a, b) => b - a);
  return (mac) => {
    const normalised = normaliseMac(mac);
    if (!normalised.ok) return { kind: 'other' };
    for (const digits of digitCounts) {
      const match = byPrefix.get(normalised.value.slice(0, digits));
      if (match !== undefined) return { kind: match.kind, organisation: match.organisation };
    }
    return { kind: 'other' };
  };
}

/** Classifies a MAC in any notation `normaliseMac` reads against the table generated from the IEEE registries. */
export const classifyMac = createVendorClassifier(vendorTableSchema.parse(generatedTable).prefixes);
