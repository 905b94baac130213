import type { Command } from '../command';
import { catalogPullCommand, catalogStatusCommand } from './catalog';
import { deviceAddCommand } from './device-add';
import {
  deviceDeleteCommand,
  deviceRebootCommand,
  deviceRegistrationsCommand,
  deviceResetCommand,
  deviceShowCommand,
} from './device-actions';
import { deviceAssignCommand, deviceUnassignCommand } from './device-assign';
import { deviceDebugGrantCommand, deviceDebugRevokeCommand } from './device-debug';
import {
  deviceKeyDeleteCommand,
  deviceKeySetCommand,
  deviceKeysCommand,
  deviceKeysCopyCommand,
} from './device-keys';
import { deviceSwapCommand } from './device-swap';
import { diagnoseCommand } from './diagnose';
import { deviceUpdateCommand } from './device-update';
import { discoverCommand } from './discover';
import { importCommand } from './import';
import { keysImportCommand } from './keys-import';
import { devicesCommand } from './devices';
import { modelsCommand } from './models';
import { simulatorCommand } from './simulator';
import { siteCheckCommand } from './site-check';
import { numbersFreeCommand, subscriberCreateCommand } from './subscriber-create';
import { subscribersCommand } from './subscribers';
import { systemsCommand } from './systems';
import { validateCommand } from './validate';

/** Every `fieldkit` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  systemsCommand,
  modelsCommand,
  subscribersCommand,
  subscriberCreateCommand,
  numbersFreeCommand,
  devicesCommand,
  deviceAddCommand,
  deviceShowCommand,
  deviceAssignCommand,
  deviceUnassignCommand,
  deviceSwapCommand,
  deviceRebootCommand,
  deviceResetCommand,
  deviceRegistrationsCommand,
  deviceDebugGrantCommand,
  deviceDebugRevokeCommand,
  deviceDeleteCommand,
  diagnoseCommand,
  deviceUpdateCommand,
  deviceKeysCommand,
  deviceKeySetCommand,
  deviceKeyDeleteCommand,
  deviceKeysCopyCommand,
  discoverCommand,
  siteCheckCommand,
  validateCommand,
  importCommand,
  keysImportCommand,
  catalogPullCommand,
  catalogStatusCommand,
  simulatorCommand,
];
