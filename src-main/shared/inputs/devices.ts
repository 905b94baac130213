/**
 * Input schemas of the devices & subscribers calls (contract.ts uses them). The router validates every call
 * against these before a handler runs; the services re-check what matters (identifiers, confirmation).
 */
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_RESULTS, EXPANSION_MODULE_POSITIONS, EXPANSION_MODULE_TYPES } from '../enums';
import { rainbowId, systemId } from './ids';
import {
  MAX_DEBUG_SECONDS,
  MAX_DEVICE_DESCRIPTION,
  MAX_SWAP_TIMEOUT_SECONDS,
  MIN_DEBUG_SECONDS,
} from '../limits';

const deviceId = rainbowId('device');
const phoneNumberId = rainbowId('subscriber');

/** A MAC or IPEI in any notation; the services normalise and explain what is wrong with it. */
const identifier = z.string().trim().min(1, 'Enter the MAC address or IPEI.').max(64);

const onDevice = { systemId, deviceId };

export const systemInput = z.object({ systemId }).strict();
export const deviceInput = z.object(onDevice).strict();
export const subscriberInput = z.object({ systemId, phoneNumberId }).strict();

export const findByIdentifierInput = z
  .object({ systemId, identifier, kind: z.enum(['mac', 'ipei']) })
  .strict();

const shortNumber = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, 'An internal number is digits only.');

export const shortNumberInput = z.object({ systemId, shortNumber }).strict();

export const checkIdentifierInput = z
  .object({
    systemId,
    identifier,
    deviceTypeId: z.number().int().nonnegative().optional(),
    phoneNumberId: phoneNumberId.optional(),
  })
  .strict();

export const registerDeviceInput = z
  .object({
    systemId,
    identifier,
    deviceTypeId: z.number().int().nonnegative(),
    description: z.string().trim().max(MAX_DEVICE_DESCRIPTION).optional(),
    phoneNumberId: phoneNumberId.optional(),
  })
  .strict();

export const assignDeviceInput = z.object({ ...onDevice, phoneNumberId }).strict();

export const resetDeviceInput = z
  .object({
    ...onDevice,
    confirmation: z.string().trim().min(1, 'Type the MAC address or the short number to confirm.').max(64),
  })
  .strict();

export const freeNumbersInput = z
  .object({
    systemId,
    startingWith: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'Digits only.')
      .optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const createSubscriberInput = z
  .object({
    systemId,
    userId: rainbowId('user'),
    shortNumber,
  })
  .strict();

export const searchUsersInput = z
  .object({ systemId, query: z.string().trim().min(2, 'Type at least 2 characters.').max(128) })
  .strict();

export const debugGrantInput = z
  .object({
    ...onDevice,
    durationSeconds: z.number().int().min(MIN_DEBUG_SECONDS).max(MAX_DEBUG_SECONDS).optional(),
  })
  .strict();

export const watchRegistrationsInput = z
  .object({ systemId, deviceId: deviceId.optional(), phoneNumberId: phoneNumberId.optional() })
  .strict()
  .refine((input) => (input.deviceId === undefined) !== (input.phoneNumberId === undefined), {
    message: 'Watch either one device (deviceId) or one subscriber (phoneNumberId).',
    path: ['deviceId'],
  });

export const listPageInput = z
  .object({ systemId, cursor: z.string().trim().min(1).max(64).optional() })
  .strict();

export const watchIdInput = z.object({ watchId: z.string().trim().min(1).max(64) }).strict();

export const startSwapInput = z
  .object({
    ...onDevice,
    newIdentifier: identifier,
    /** 0 checks once (the old phone is broken); the app's screens offer at least 10 s. */
    timeoutSeconds: z.number().int().min(0).max(MAX_SWAP_TIMEOUT_SECONDS).optional(),
    /** Model of the replacement phone, when known: a swap refuses a different model. */
    newDeviceTypeId: z.number().int().nonnegative().optional(),
  })
  .strict();

export const swapIdInput = z.object({ swapId: z.string().trim().min(1).max(64) }).strict();

export const addModuleInput = z
  .object({
    ...onDevice,
    moduleId: z.literal(EXPANSION_MODULE_POSITIONS),
    type: z.enum(EXPANSION_MODULE_TYPES),
    name: z.string().trim().max(64).optional(),
  })
  .strict();

export const removeModuleInput = z
  .object({ ...onDevice, moduleId: z.literal(EXPANSION_MODULE_POSITIONS) })
  .strict();

const isoDate = z
  .string()
  .trim()
  .refine(
    (text) => !Number.isNaN(Date.parse(text)),
    'Use an ISO date, e.g. 2025-01-31 or 2025-01-31T08:00Z.',
  );

export const auditFilterInput = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    result: z.enum(AUDIT_RESULTS).optional(),
    text: z.string().trim().max(200).optional(),
  })
  .strict();
