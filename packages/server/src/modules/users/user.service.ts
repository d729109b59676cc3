import type { User } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { UserRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/tokens';
import { appendAudit } from '../audit';
import { hashPassword } from '../auth';

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles,
    departmentId: r.department_id,
    agentNo: r.agent_no,
    extension: r.extension,
    active: r.active,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  departmentId: string | null;
  agentNo: string | null;
  /** the PBX extension (screen pop, click-to-call); unique among users */
  extension?: string | null;
  mustChangePassword?: boolean;
}

export function createUserService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function checkRoles(roles: string[]) {
    const known = await db.selectFrom('roles').select('name').where('name', 'in', roles).execute();
    if (known.length !== new Set(roles).size) throw new AppError('error.validation', 400, {}, { errors: [{ path: 'roles', message: 'role.unknown' }] });
  }

  async function list(): Promise<User[]> {
    return (await db.selectFrom('users').selectAll().orderBy('created_at').execute()).map(toUser);
  }

  async function checkDepartment(departmentId: string | null | undefined) {
    if (!departmentId) return;
    const found = await db.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst();
    if (!found) throw new AppError('error.validation', 400, {}, { errors: [{ path: 'departmentId', message: 'user.unknown_department' }] });
  }

  /** One user per extension (the PBX rings one agent); the unique index decides a race, this answers clearly. */
  async function checkExtension(extension: string | null | undefined, self: string | null) {
    if (!extension) return;
    let q = db.selectFrom('users').select('id').where('extension', '=', extension);
    if (self) q = q.where('id', '<>', self);
    if (await q.executeTakeFirst()) throw new AppError('error.validation', 400, {}, { errors: [{ path: 'extension', message: 'user.extension_taken' }] });
  }

  async function create(ctx: Ctx, input: NewUser): Promise<User> {
    await checkRoles(input.roles);
    await checkDepartment(input.departmentId);
    await checkExtension(input.extension, null);
    const taken = await db.selectFrom('users').select('id').where(sql`lower(username)`, '=', input.username.toLowerCase()).executeTakeFirst();
    if (taken) throw new AppError('error.validation', 400, {}, { errors: [{ path: 'username', message: 'user.username_taken' }] });
    const password_hash = await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
      // two admins creating the same name at once: the unique index decides, the loser gets a 400
      await sql`select pg_advisory_xact_lock(727003)`.execute(trx);
      const takenNow = await trx.selectFrom('users').select('id').where(sql`lower(username)`, '=', input.username.toLowerCase()).executeTakeFirst();
      if (takenNow) throw new AppError('error.validation', 400, {}, { errors: [{ path: 'username', message: 'user.username_taken' }] });
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username,
          display_name: input.displayName,
          password_hash,
          roles: input.roles,
          department_id: input.departmentId,
          agent_no: input.agentNo,
          extension: input.extension ?? null,
          must_change_password: input.mustChangePassword ?? false,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, detail: { username: row.username, roles: row.roles } });
      return toUser(row);
    });
  }

  async function update(
    ctx: Ctx,
    id: string,
    patch: { displayName?: string; roles?: string[]; departmentId?: string | null; agentNo?: string | null; extension?: string | null | undefined; active?: boolean; password?: string; version: number },
  ): Promise<User> {
    if (patch.roles) await checkRoles(patch.roles);
    await checkDepartment(patch.departmentId);
    await checkExtension(patch.extension, id);
    const password_hash = patch.password ? await hashPassword(patch.password) : undefined;
    return db.transaction().execute(async (trx) => {
      // Changes that may take away an admin are serialised: two admins disabling each other at once
      // would otherwise each count two admins and leave none.
      if (patch.active === false || patch.roles) await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
      const before = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFound();
      if (before.version !== patch.version) throw new AppError('user.version_conflict', 409);
      const losesAdmin = before.roles.includes('admin') && (patch.active === false || (patch.roles && !patch.roles.includes('admin')));
      if (losesAdmin) {
        const admins = await trx.selectFrom('users').select('id').where('active', '=', true).where(sql<boolean>`'admin' = any(roles)`).execute();
        if (admins.length <= 1) throw new AppError('user.last_admin', 409);
      }
      const row = await trx
        .updateTable('users')
        .set({
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
          ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
          ...(patch.agentNo !== undefined ? { agent_no: patch.agentNo } : {}),
          ...(patch.extension !== undefined ? { extension: patch.extension } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          ...(password_hash ? { password_hash, must_change_password: true } : {}),
          updated_at: clock.now(),
          version: before.version + 1,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (patch.active === false || password_hash) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      const changed = Object.keys(patch).filter((k) => k !== 'version' && k !== 'password');
      await appendAudit(trx, ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        detail: { fields: changed, passwordReset: Boolean(password_hash), roles: row.roles, active: row.active },
      });
      return toUser(row);
    });
  }

  async function listRoles() {
    return (await db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('name').execute()).map((r) => ({
      name: r.name,
      labelZh: r.label_zh,
      labelEn: r.label_en,
      permissions: r.permissions as never[],
      builtin: r.builtin,
    }));
  }

  async function updateRole(ctx: Ctx, name: string, permissions: string[]) {
    return db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst();
      if (!before) throw notFound();
      await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
      await trx.updateTable('roles').set({ permissions }).where('name', '=', name).execute();
      // someone active must still be able to manage users and roles, or nobody ever can again
      const keepers = await trx
        .selectFrom('users')
        .select('id')
        .where('active', '=', true)
        .where(sql<boolean>`(select count(distinct p) from roles r, unnest(r.permissions) p where r.name = any(users.roles) and p in ('user:manage', 'role:manage')) = 2`)
        .limit(1)
        .execute();
      if (!keepers.length) throw new AppError('role.last_admin', 409);
      await appendAudit(trx, ctx, { action: 'role.update', entityType: 'role', entityId: name, detail: { before: before.permissions, after: permissions } });
    });
  }

  async function listDepartments() {
    return db.selectFrom('departments').select(['id', 'name']).orderBy('name').execute();
  }

  async function createDepartment(ctx: Ctx, name: string) {
    return db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('departments').values({ name }).onConflict((oc) => oc.column('name').doUpdateSet({ name })).returning(['id', 'name']).executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'department.create', entityType: 'department', entityId: row.id, detail: { name } });
      return row;
    });
  }

  /** The key is shown once; only its SHA-256 is kept. */
  async function createApiKey(ctx: Ctx, name: string, permissions: string[]) {
    const prefix = randomToken(6).replace(/[^A-Za-z0-9]/g, 'x').slice(0, 8);
    const key = `kefu_${prefix}_${randomToken(24)}`;
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('api_keys')
        .values({ name, prefix, key_hash: sha256(key), permissions, created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'apikey.create', entityType: 'apikey', entityId: row.id, detail: { name, permissions } });
      return { key, apiKey: toApiKey(row) };
    });
  }

  async function listApiKeys() {
    return (await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute()).map(toApiKey);
  }

  async function revokeApiKey(ctx: Ctx, id: string) {
    return db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('api_keys').set({ revoked_at: clock.now() }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
      if (!row) throw notFound();
      await appendAudit(trx, ctx, { action: 'apikey.revoke', entityType: 'apikey', entityId: id, detail: { name: row.name } });
      return toApiKey(row);
    });
  }

  return { list, create, update, listRoles, updateRole, listDepartments, createDepartment, createApiKey, listApiKeys, revokeApiKey };
}
export type UserService = ReturnType<typeof createUserService>;

function toApiKey(r: { id: string; name: string; prefix: string; permissions: string[]; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    permissions: r.permissions as never[],
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}
