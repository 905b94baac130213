/**
 * The Rainbow simulator: a real HTTP(S) server implementing the parts of the Rainbow authentication, RVCP
 * provisioning and admin APIs Fieldkit uses, over a deterministic demo tenant. Used by the demo mode and by
 * every integration and end-to-end test.
 */
export { startSimulator } from './server';
export { DEMO_CREDENTIALS } from './seed/demo-seed';
export { DEMO_COMPANY_ID, DEMO_SYSTEM_IDS } from './seed/seed-ids';
export { DEVICE_MODEL_IDS } from './seed/device-models';
export { seedBulkDevices, type BulkSeedResult } from './seed/bulk-seed';
export { SimulatorTenant, TenantError, type TenantErrorKind, type TenantRule } from './tenant/tenant';
export type { SimulatedPhone } from './tenant/phones';
export type { PhoneKind } from './tenant/phone-catalogue';
export type {
  ApplicationRecord,
  CloudPbxRecord,
  CompanyRecord,
  DeviceModelRecord,
  DevicePatch,
  DeviceRecord,
  NewDevice,
  NewSubscriber,
  SubscriberRecord,
  UserRecord,
} from './tenant/records';
export type {
  RunningSimulator,
  SimulatorCredentials,
  SimulatorFaults,
  TargetedFault,
  SimulatorOptions,
  SimulatorRequestRecord,
} from './options';
