import {
  destinationText,
  keyNumber,
  moduleOf,
  type DeviceKeys,
  type KeyCopyPlan,
  type KeyDraft,
  type ProgrammableKey,
} from '../../shared/keys';
import { printTable, type CliIo } from '../io';

/** Where a key points: a subscriber's name and number, a group, or an external number. */
function destinationOf(key: ProgrammableKey | KeyDraft): string {
  if (key.groupId !== undefined) return `group ${key.groupId}`;
  return destinationText(key);
}

const ownerOf = (key: ProgrammableKey): string =>
  key.keyOwner === 'admin' ? 'admin' : `${key.keyOwner} (locked)`;

export function printKeys(io: CliIo, answer: DeviceKeys): void {
  const keys = [...answer.keys].sort((a, b) => moduleOf(a) - moduleOf(b) || keyNumber(a) - keyNumber(b));
  printTable(
    io,
    ['MODULE', 'KEY', 'PAGE', 'TYPE', 'DESTINATION', 'OWNER'],
    keys.map((key) => [
      String(moduleOf(key)),
      String(key.keyNum),
      key.page === undefined ? '' : String(key.page),
      key.keyType,
      destinationOf(key),
      ownerOf(key),
    ]),
  );
  io.stdout(`${answer.deviceType.model}: ${answer.availableKeys} free keys\n`);
}

const place = (key: { keyNum: number | string }) => `key ${String(key.keyNum)}`;

/** The dry-run diff, module by module: kept, added, removed, impossible and why. */
export function printCopyPlan(io: CliIo, plan: KeyCopyPlan): void {
  for (const module of plan.modules) {
    io.stdout(
      `Module ${module.moduleId}${module.moduleId === 0 ? ' (phone)' : ''}: ${module.kept.length} kept\n`,
    );
    for (const key of module.added) io.stdout(`  + ${place(key)} ${key.keyType} ${destinationOf(key)}\n`);
    for (const key of module.removed) io.stdout(`  - ${place(key)} ${key.keyType} ${destinationOf(key)}\n`);
    for (const { key, reason } of module.impossible)
      io.stdout(`  ! ${place(key)} ${key.keyType}: ${reason}\n`);
  }
  for (const { key, reason } of plan.impossible) {
    io.stdout(`  ! module ${moduleOf(key)} ${place(key)} ${key.keyType}: ${reason}\n`);
  }
  io.stdout(plan.applied ? 'Copied.\n' : 'Dry run: nothing was changed.\n');
}
