import { z } from 'zod';
import { PERMISSIONS } from './permissions';

export const loginSchema = z.object({
  username: z.string().trim().min(1, { message: 'v.required' }).max(64),
  password: z.string().min(1, { message: 'v.required' }).max(200),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.enum(PERMISSIONS)),
  departmentId: z.string().nullable(),
  agentNo: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const meSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, { message: 'v.required' }),
  newPassword: z.string().min(8, { message: 'v.password' }).max(200),
});

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { message: 'v.username' });

export const userCreateSchema = z.object({
  username,
  displayName: z.string().trim().min(1, { message: 'v.name' }).max(50, { message: 'v.name' }),
  password: z.string().min(8, { message: 'v.password' }).max(200),
  roles: z.array(z.string()).min(1, { message: 'v.required' }),
  departmentId: z.string().uuid().nullish().transform((v) => v ?? null),
  agentNo: z.string().trim().max(16).nullish().transform((v) => v || null),
  /** the PBX extension that rings for this user (screen pop, click-to-call) */
  extension: z.string().trim().regex(/^\d{2,10}$/, { message: 'v.extension' }).nullish().transform((v) => v || null),
});

export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(1, { message: 'v.name' }).max(50, { message: 'v.name' }).optional(),
  roles: z.array(z.string()).min(1, { message: 'v.required' }).optional(),
  departmentId: z.string().uuid().nullable().optional(),
  agentNo: z.string().trim().max(16).nullable().optional(),
  extension: z.union([z.literal(''), z.string().trim().regex(/^\d{2,10}$/, { message: 'v.extension' })]).nullable().optional().transform((v) => (v === '' ? null : v)),
  active: z.boolean().optional(),
  password: z.string().min(8, { message: 'v.password' }).max(200).optional(),
  version: z.number().int().min(1),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  departmentId: z.string().nullable(),
  agentNo: z.string().nullable(),
  extension: z.string().nullable(),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type User = z.infer<typeof userSchema>;

export const roleSchema = z.object({
  name: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  builtin: z.boolean(),
});
export const roleUpdateSchema = z.object({ permissions: z.array(z.enum(PERMISSIONS)) });

export const apiKeyCreateSchema = z.object({
  name: z.string().trim().min(1, { message: 'v.required' }).max(64),
  permissions: z.array(z.enum(PERMISSIONS)).min(1, { message: 'v.required' }),
});
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
