import type { AuditAction } from '@api/types';

/** Every action of the activity log, in the order the filter offers them (the core's AUDIT_ACTIONS). */
export const AUDIT_ACTION_CHOICES: readonly AuditAction[] = [
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
];
