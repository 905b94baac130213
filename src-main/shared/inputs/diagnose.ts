/** Input schemas of the diagnose calls (contract.ts uses them); the service normalises the MAC or IPEI. */
import { z } from 'zod';
import { rainbowId, systemId } from './ids';

const identifier = z.string().trim().min(1, 'Enter the MAC address or IPEI.').max(64);

/** A device named by its id, or by its MAC or IPEI in any notation. */
export const diagnoseDeviceInput = z.union([
  z.object({ systemId, by: z.literal('device'), deviceId: rainbowId('device') }).strict(),
  z.object({ systemId, by: z.enum(['mac', 'ipei']), identifier }).strict(),
]);

/** A short number (digits) or an E.164 number (`+` and digits). */
export const diagnoseNumberInput = z
  .object({
    systemId,
    number: z
      .string()
      .trim()
      .regex(
        /^(\d{1,12}|\+\d{6,15})$/,
        'Enter a short number (digits) or an E.164 number such as +33478981001.',
      ),
  })
  .strict();
