import {
  apiKeyCreateSchema,
  apiKeySchema,
  idParams,
  okSchema,
  roleSchema,
  roleUpdateSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

const departmentSchema = z.object({ id: z.string(), name: z.string() });

/** The admin screen's API: users, roles and their permissions, departments, API keys. */
export function userRoutes(app: App) {
  const { users } = app.services;
  const tags = ['admin'];

  app.get(
    '/api/v1/users',
    { schema: { tags, summary: '用户列表', response: { 200: z.object({ items: z.array(userSchema) }) } }, preValidation: needs('user:manage') },
    async () => ({
      items: await users.list(),
    }),
  );

  /** Everyone signed in may read the list of agents (owner pickers), without roles or sign-in times. */
  app.get(
    '/api/v1/staff',
    {
      schema: {
        tags,
        summary: '员工（选择负责人用）',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()), agentNo: z.string().nullable() })) }),
        },
      },
      preValidation: needs(),
    },
    async () => ({
      items: (await users.list()).filter((u) => u.active).map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles, agentNo: u.agentNo })),
    }),
  );

  app.post(
    '/api/v1/users',
    { schema: { tags, summary: '新建用户', body: userCreateSchema, response: { 201: userSchema } }, preValidation: needs('user:manage') },
    async (req, reply) => {
      reply.status(201);
      // the admin chose this password and knows it: the person chooses their own at first sign-in
      return users.create(ctxOf(req), { ...req.body, mustChangePassword: true });
    },
  );

  app.patch(
    '/api/v1/users/:id',
    { schema: { tags, summary: '修改用户', params: idParams, body: userUpdateSchema, response: { 200: userSchema } }, preValidation: needs('user:manage') },
    async (req) => users.update(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/roles',
    { schema: { tags, summary: '角色与权限', response: { 200: z.object({ items: z.array(roleSchema) }) } }, preValidation: needs('role:manage') },
    async () => ({
      items: await users.listRoles(),
    }),
  );

  app.put(
    '/api/v1/roles/:name',
    {
      schema: { tags, summary: '修改角色权限', params: z.object({ name: z.string().max(32) }), body: roleUpdateSchema, response: { 200: okSchema } },
      preValidation: needs('role:manage'),
    },
    async (req) => {
      await users.updateRole(ctxOf(req), req.params.name, req.body.permissions);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/departments',
    { schema: { tags, summary: '部门', response: { 200: z.object({ items: z.array(departmentSchema) }) } }, preValidation: needs() },
    async () => ({
      items: await users.listDepartments(),
    }),
  );

  app.post(
    '/api/v1/departments',
    {
      schema: {
        tags,
        summary: '新建部门',
        body: z.object({ name: z.string().trim().min(1, { message: 'v.required' }).max(40) }),
        response: { 201: departmentSchema },
      },
      preValidation: needs('user:manage'),
    },
    async (req, reply) => {
      reply.status(201);
      return users.createDepartment(ctxOf(req), req.body.name);
    },
  );

  app.get(
    '/api/v1/api-keys',
    { schema: { tags, summary: 'API 密钥', response: { 200: z.object({ items: z.array(apiKeySchema) }) } }, preValidation: needs('apikey:manage') },
    async () => ({
      items: await users.listApiKeys(),
    }),
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: '新建 API 密钥（只显示一次）',
        body: apiKeyCreateSchema,
        response: { 201: z.object({ key: z.string(), apiKey: apiKeySchema }) },
      },
      preValidation: needs('apikey:manage'),
    },
    async (req, reply) => {
      reply.status(201);
      return users.createApiKey(ctxOf(req), req.body.name, req.body.permissions);
    },
  );

  app.post(
    '/api/v1/api-keys/:id/revoke',
    { schema: { tags, summary: '吊销 API 密钥', params: idParams, response: { 200: apiKeySchema } }, preValidation: needs('apikey:manage') },
    async (req) => users.revokeApiKey(ctxOf(req), req.params.id),
  );
}
