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
  'device.update',
  'key.set',
  'key.delete',
  'keys.copy',
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

/** Device settings an admin may change (reference: "update a SIP device"). */
export const TRANSFER_MODES = [
  'same_as_company',
  'new_call',
  'attended_transfer',
  'blind_transfer',
  'optional',
] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/** `rtp_savp` is SRTP (the CloudPBX's default), `rtp_avp` plain RTP. */
export const MEDIA_TRANSPORT_PROTOCOLS = ['rtp_savp', 'rtp_avp'] as const;
export type MediaTransportProtocol = (typeof MEDIA_TRANSPORT_PROTOCOLS)[number];

export const DESKPHONE_FAILOVER_MODES = ['same_as_company', 'disabled'] as const;
export type DeskphoneFailoverMode = (typeof DESKPHONE_FAILOVER_MODES)[number];
