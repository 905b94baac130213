import type { CallInput } from '@api/contract';
import { parseDeviceIdentifier } from '@shared/identifiers';

export type DiagnoseKind = 'device' | 'number';

export type DiagnoseRequest =
  | { kind: 'device'; input: CallInput<'diagnose.device'> }
  | { kind: 'number'; input: CallInput<'diagnose.number'> };

/** What the technician typed, as a call: a MAC or IPEI when it reads as one, else a device id; or a number. */
export function diagnoseRequest(systemId: string, kind: DiagnoseKind, text: string): DiagnoseRequest {
  const value = text.trim();
  if (kind === 'number') return { kind, input: { systemId, number: value } };
  const identifier = parseDeviceIdentifier(value);
  return identifier.ok
    ? { kind, input: { systemId, by: identifier.kind, identifier: identifier.value } }
    : { kind, input: { systemId, by: 'device', deviceId: value } };
}
