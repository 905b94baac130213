/** Closed lists the core checks and the screens offer (filters, pickers), declared once for both. */

/** Every action of the activity log, in the order the activity filter offers them. */
export const AUDIT_ACTIONS = [
  'device.register',
  'device.assign',
  'device.unassign',
  'device.swap',
  'device.swap-rollback',
  'device.reboot',
  'device.reset',
  'device.delete',
  'debug.grant',
  'debug.reveal',
  'debug.revoke',
  'module.add',
  'module.remove',
  'subscriber.create',
  'diagnose.device',
  'diagnose.number',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESULTS = ['ok', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** The CloudPBX's device model categories; a model list asks for all of them. */
export const DEVICE_CATEGORIES = ['deskphone', 'dectmobile', 'uncategorized'] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];

export const EXPANSION_MODULE_TYPES = ['EM_20', 'EM_200'] as const;
export type ExpansionModuleType = (typeof EXPANSION_MODULE_TYPES)[number];

/** A deskphone takes up to three expansion modules, numbered from the phone outwards. */
export const EXPANSION_MODULE_POSITIONS = [1, 2, 3] as const;
export type ExpansionModulePosition = (typeof EXPANSION_MODULE_POSITIONS)[number];
