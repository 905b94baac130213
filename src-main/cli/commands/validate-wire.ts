import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { formatMac } from '../../shared/identifiers';
import type { WireReconciliation } from '../../services/batch/types';
import { UsageError } from '../command';
import type { CliIo } from '../io';

/** What `fieldkit discover --json` prints, as far as reconciling needs it. */
const discoverDocument = z.object({ devices: z.array(z.object({ mac: z.string() }).loose()) }).loose();

/** `--discovered FILE.json`: the MAC addresses a `fieldkit discover --json` run saw. */
export async function readDiscovered(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--discovered: cannot read ${path} (${code === 'ENOENT' ? 'no such file' : code}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(
      `--discovered: ${path} is not JSON; save the output of \`fieldkit discover --json\`.`,
    );
  }
  const parsed = discoverDocument.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(
      `--discovered: ${path} is not the output of \`fieldkit discover --json\` (it lists no "devices").`,
    );
  }
  return parsed.data.devices.map((device) => device.mac);
}

export function printWire(io: CliIo, wire: WireReconciliation): void {
  const lines = [
    ...wire.probableTypos.map(
      (typo) =>
        `  line ${typo.line}: ${typo.mac} is probably ${formatMac(typo.discovered, 'upper')} (seen on the LAN)`,
    ),
    ...wire.notSeen.map((line) => `  line ${line}: not seen on the LAN`),
    ...wire.missingFromFile.map((mac) => `  ${formatMac(mac, 'upper')}: on the LAN, in no line of the file`),
  ];
  io.stdout(
    lines.length === 0
      ? 'On the LAN: every MAC address of the file was seen, and every phone seen is in the file.\n'
      : `On the LAN:\n${lines.join('\n')}\n`,
  );
}
