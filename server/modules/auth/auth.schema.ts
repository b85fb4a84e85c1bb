import { z } from 'zod';
import { LOCALES, ROLES } from '../../../common/access.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const MeResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  locale: z.enum(LOCALES),
  mustChangePassword: z.boolean(),
  grants: z.array(z.object({ id: z.string(), role: z.enum(ROLES), unitId: z.string(), unitName: z.string() })),
  permissions: z.array(z.string()),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const LocaleBody = z.object({ locale: z.enum(LOCALES) });

export const PasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
