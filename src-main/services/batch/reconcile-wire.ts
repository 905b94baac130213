import { classifyMac } from '../discovery/vendors';
import { normaliseMac } from '../../shared/identifiers';
import type { ImportPlan } from './plan';
import type { WireReconciliation } from './types';

/**
 * Compares the file with what a LAN discovery saw: the lines whose MAC address is not on the LAN, the phones on
 * the LAN that no line names, and the lines one character away from such a phone (a typo, most likely: a
 * digit misread on a label, one dropped or doubled). Only phones count on the LAN side (PCs and printers are
 * not the file's business); DECT handsets (IPEI) are never on the LAN, so they are left out.
 */
export function reconcileWithDiscovery(
  plan: Pick<ImportPlan, 'rows'>,
  discoveredMacs: readonly string[],
): WireReconciliation {
  const seen = new Set(discoveredMacs.flatMap((mac) => canonical(mac) ?? []));
  const inFile = new Set(
    plan.rows.flatMap((row) => (row.kind === 'mac' && row.identifier !== undefined ? [row.identifier] : [])),
  );
  const phonesNotInFile = [...seen].filter(
    (mac) => classifyMac(mac).kind === 'deskphone' && !inFile.has(mac),
  );

  const notSeen: number[] = [];
  const probableTypos: WireReconciliation['probableTypos'] = [];
  const explained = new Set<string>();
  for (const row of plan.rows) {
    const written = macDigits(row);
    if (written === undefined || seen.has(written)) continue;
    const near = phonesNotInFile.find((mac) => oneEditApart(written, mac));
    if (near === undefined) {
      if (row.kind === 'mac' && row.identifier !== undefined) notSeen.push(row.line);
      continue;
    }
    probableTypos.push({ line: row.line, mac: row.id, discovered: near });
    explained.add(near);
  }
  return {
    notSeen,
    missingFromFile: phonesNotInFile.filter((mac) => !explained.has(mac)).sort(),
    probableTypos,
  };
}

function canonical(mac: string): string | undefined {
  const result = normaliseMac(mac);
  return result.ok ? result.value : undefined;
}

/**
 * The hex digits of a line's MAC address: the canonical one, or for a line whose MAC could not be read, the
 * digits of the cell when it has 11 to 13 of them and nothing else (a digit dropped or doubled).
 */
function macDigits(row: ImportPlan['rows'][number]): string | undefined {
  if (row.kind === 'mac' && row.identifier !== undefined) return row.identifier;
  if (row.kind === 'ipei' || row.identifier !== undefined) return undefined;
  const digits = row.id.toLowerCase().replace(/[\s:.-]/g, '');
  return /^[0-9a-f]{11,13}$/.test(digits) ? digits : undefined;
}

/** Levenshtein distance exactly 1: one character replaced, inserted or removed. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i += 1;
  const rest = shorter.length === longer.length ? shorter.slice(i + 1) : shorter.slice(i);
  return rest === longer.slice(i + 1);
}
