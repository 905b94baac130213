/** Input schemas of a sign-in profile: `profiles.*` calls check them, and so does the vault before saving. */
import { z } from 'zod';

export const profileNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the profile a name.')
  .max(64, 'A profile name has at most 64 characters.')
  .regex(/^[\p{L}\p{N} ._@-]+$/u, 'Use letters, digits, spaces, dots, dashes, underscores or @.');

/** The non-secret fields: what `profiles.json` holds. */
export const profileRecordSchema = z.object({
  name: profileNameSchema,
  host: z.string().trim().min(1, 'Enter the Rainbow host, e.g. openrainbow.com.').max(253),
  login: z.string().trim().min(1, 'Enter the login e-mail.').max(254),
  appId: z.string().trim().min(1, 'Enter the application id.').max(128),
});

export const profileSchema = profileRecordSchema.extend({
  password: z.string().min(1, 'Enter the password.').max(1024),
  appSecret: z.string().min(1, 'Enter the application secret.').max(1024),
});
