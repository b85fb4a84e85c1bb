import { z } from 'zod';
import { LOCALES, ROLES } from './access.js';
import { Id, Version } from './units.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const GrantView = z.object({ id: Id, role: z.enum(ROLES), unitId: Id, unitName: z.string(), grantedAt: z.string() });
export type GrantView = z.infer<typeof GrantView>;

export const UserView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  locale: z.enum(LOCALES),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  grants: z.array(GrantView),
  version: z.number().int(),
});
export type UserView = z.infer<typeof UserView>;

export const UserPage = z.object({ items: z.array(UserView), total: z.number().int() });

export const CreateUserBody = z.object({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, '3–64 characters: lower-case letters, digits, dot, dash, underscore'),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(200).nullable().optional(),
  /** Absent: a temporary password is generated and returned once. */
  password: z.string().min(1).max(200).optional(),
  /** Every account starts with one role on one unit: it is never outside everyone's scope. */
  unitId: Id,
  role: z.enum(ROLES),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(200).nullable().optional(),
  version: Version,
});

export const GrantBody = z.object({ unitId: Id, role: z.enum(ROLES) });
