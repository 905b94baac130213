/**
 * The rules the tenant enforces, each with the kind of refusal it is; the request handler answers a kind with
 * its HTTP status (not-found 404, conflict 409, invalid 400) and a rule with its `errorDetailsCode`
 * (http/responses.ts). Statuses marked "assumption" are not documented by the reference.
 */
export const TENANT_RULE_KINDS = {
  'cloudpbx-not-found': 'not-found',
  'device-not-found': 'not-found',
  'subscriber-not-found': 'not-found',
  /** Assumption: an unknown `userId` in a request body is a 404, as an unknown id in a path is. */
  'user-not-found': 'not-found',
  'module-not-found': 'not-found',
  'key-not-found': 'not-found',
  'identifier-in-use': 'conflict',
  /** Deleting a device still assigned to a subscriber. Assumption: 409 (the API may answer 400). */
  'device-assigned': 'conflict',
  /** Assigning a device that already has a subscriber. Assumption: 409. */
  'device-already-assigned': 'conflict',
  'module-position-taken': 'conflict',
  'short-number-in-use': 'conflict',
  /** Creating a key where one already is. Assumption: 409 (the reference says nothing). */
  'key-taken': 'conflict',
  'user-has-subscriber': 'conflict',
  'user-exists': 'conflict',
  'unknown-device-type': 'invalid',
  /** A MAC on a DECT handset, an IPEI on a deskphone, or the required one missing. */
  'identifier-mismatch': 'invalid',
  'module-not-supported': 'invalid',
  'outside-numbering-plan': 'invalid',
  /** Reboot, reset and debug sessions exist for SIP deskphones only. Assumption: 400. */
  'not-a-deskphone': 'invalid',
  /** The reference's 400581. */
  'key-type-not-supported': 'invalid',
  'key-out-of-range': 'invalid',
  /** A key whose fields do not fit its type. */
  'key-invalid': 'invalid',
  /** Service and system keys "cannot be deleted" (reference). Assumption: 403. */
  'key-locked': 'forbidden',
} as const;

export type TenantRule = keyof typeof TENANT_RULE_KINDS;
export type TenantErrorKind = (typeof TENANT_RULE_KINDS)[TenantRule];

/** A mutation that the state does not allow. */
export class TenantError extends Error {
  readonly rule: TenantRule;
  readonly kind: TenantErrorKind;

  constructor(rule: TenantRule, message: string) {
    super(message);
    this.name = 'TenantError';
    this.rule = rule;
    this.kind = TENANT_RULE_KINDS[rule];
  }
}
