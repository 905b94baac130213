/**
 * Input schemas of the discovery calls (contract.ts uses them). They check shapes only; the plan (plan.ts)
 * checks meaning — a readable CIDR, not wider than /16, on this machine — with a message for each case.
 */
import { z } from 'zod';
import { systemId, uuidId } from './ids';
import { parseIpv4 } from '../ipv4';

const scanFields = {
  subnets: z
    .array(z.string().trim().min(1, 'Enter a subnet such as 192.168.1.0/24.').max(64))
    .max(16)
    .optional(),
  interface: z.string().trim().min(1).max(64).optional(),
  rate: z.number().int().optional(),
  timeoutMs: z.number().int().optional(),
};

export const planScanInput = z.object(scanFields).strict();

export const startScanInput = z
  .object({
    ...scanFields,
    /** The new scan's id, chosen by the caller so its `discovery.*` events are known as its own at once. */
    scanId: uuidId('scan'),
    systemId: systemId.optional(),
    confirmed: z.boolean().optional(),
  })
  .strict();

export const scanIdInput = z.object({ scanId: z.string().trim().min(1).max(64) }).strict();

export const identifyInput = z
  .object({
    ip: z
      .string()
      .trim()
      .refine((ip) => parseIpv4(ip) !== undefined, 'Enter an IPv4 address such as 192.168.1.20.'),
    systemId: systemId.optional(),
  })
  .strict();
