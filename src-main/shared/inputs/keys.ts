/** Input schemas of the programmable-key and device-settings calls (contract.ts uses them). */
import { z } from 'zod';
import { DESKPHONE_FAILOVER_MODES, MEDIA_TRANSPORT_PROTOCOLS, TRANSFER_MODES } from '../enums';
import { KEY_TYPES } from '../keys/key-types';
import { MAX_KEY_LABEL } from '../keys/validate-key';
import { MAX_DEVICE_DESCRIPTION } from '../limits';
import { fileSource, ONE_FILE_SOURCE, oneFileSource } from './batch';
import { rainbowId, systemId } from './ids';

const deviceId = rainbowId('device');
/** 0 is the deskphone itself, 1 to 3 its expansion modules. */
const moduleId = z
  .number()
  .int()
  .min(0, 'Module 0 is the phone, 1 to 3 its modules.')
  .max(3, 'Modules are 1 to 3.');
/** An EM_200 has the most keys of anything: 200. */
const keyNum = z
  .number()
  .int()
  .min(1, 'Keys are numbered from 1.')
  .max(200, 'No phone or module has more than 200 keys.');
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const deviceKeysInput = z.object({ systemId, deviceId, moduleId: moduleId.optional() }).strict();

export const keyDraftSchema = z
  .object({
    keyNum,
    keyType: z.enum(KEY_TYPES),
    moduleId: moduleId.default(0),
    displayName: optionalText(MAX_KEY_LABEL),
    number: optionalText(32),
    phoneNumberId: rainbowId('subscriber').optional(),
    groupId: rainbowId('group').optional(),
  })
  .strict();

export const setKeyInput = z.object({ systemId, deviceId, key: keyDraftSchema }).strict();

export const deleteKeyInput = z
  .object({ systemId, deviceId, moduleId: moduleId.default(0), keyNum })
  .strict();

export const copyKeysInput = z
  .object({
    systemId,
    /** The phone whose layout is copied. */
    deviceId,
    toDeviceId: deviceId,
    /** Only this module; every module the target can hold otherwise. */
    moduleId: moduleId.optional(),
    dryRun: z.boolean().default(true),
  })
  .strict()
  .refine((input) => input.deviceId !== input.toDeviceId, {
    message: 'Copy a layout to another device than its source.',
    path: ['toDeviceId'],
  });

export const updateDeviceInput = z
  .object({
    systemId,
    deviceId,
    description: z
      .string()
      .trim()
      .min(1, 'A description cannot be empty.')
      .max(MAX_DEVICE_DESCRIPTION)
      .optional(),
    transferMode: z.enum(TRANSFER_MODES).optional(),
    mediaTransportProtocol: z.enum(MEDIA_TRANSPORT_PROTOCOLS).optional(),
    deskphoneFailoverMode: z.enum(DESKPHONE_FAILOVER_MODES).optional(),
  })
  .strict()
  .refine(
    ({ description, transferMode, mediaTransportProtocol, deskphoneFailoverMode }) =>
      [description, transferMode, mediaTransportProtocol, deskphoneFailoverMode].some((v) => v !== undefined),
    { message: 'Give at least one setting to change.', path: ['description'] },
  );

/** A keys sheet (`fieldkit keys import`, the Import screen's keys), as `batch.validate` takes a device sheet. */
export const importKeysInput = z
  .object({
    systemId,
    ...fileSource,
    /** Checked against the cached catalogue (`catalog.pull`): every rule but those needing the devices' keys. */
    offline: z.boolean().default(false),
  })
  .strict()
  .refine(oneFileSource, ONE_FILE_SOURCE);
