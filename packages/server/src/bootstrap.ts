import { BUILTIN_ROLES, DEFAULT_CATEGORIES } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from './db/client';
import { randomToken } from './lib/tokens';
import { hashPassword } from './modules/auth';

/**
 * What a new department starts with: the built-in roles, the seed's classification scheme and tiers,
 * and on the very first start an admin account. Idempotent: runs at every start, changes nothing that
 * is already there (an admin's edits to roles and categories are kept).
 */
/**
 * A permission this version adds to a built-in role reaches departments that already exist, once:
 * the grant is remembered, so a permission the admin later takes away is not given back.
 */
async function grantNewDefaults(db: Db, role: string, permissions: readonly string[]) {
  if (!permissions.length) return;
  const fresh = await db
    .insertInto('role_default_grants')
    .values(permissions.map((permission) => ({ role, permission })))
    .onConflict((oc) => oc.columns(['role', 'permission']).doNothing())
    .returning('permission')
    .execute();
  for (const { permission } of fresh) {
    await db
      .updateTable('roles')
      .set({ permissions: sql<string[]>`array_append(permissions, ${permission})` })
      .where('name', '=', role)
      .where(sql<boolean>`not (${permission} = any(permissions))`)
      .execute();
  }
}

export async function bootstrap(db: Db, opts: { adminPassword?: string | undefined } = {}): Promise<{ adminPassword: string | null }> {
  for (const r of BUILTIN_ROLES) {
    await db
      .insertInto('roles')
      .values({ name: r.name, label_zh: r.labelZh, label_en: r.labelEn, permissions: r.permissions, builtin: true })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    await grantNewDefaults(db, r.name, r.permissions);
  }
  for (const c of DEFAULT_CATEGORIES) {
    await db
      .insertInto('customer_categories')
      .values({ kind: c.kind, code: c.code, label_zh: c.labelZh, label_en: c.labelEn, description: c.description, sort: c.sort, active: c.active })
      .onConflict((oc) => oc.columns(['kind', 'code']).doNothing())
      .execute();
  }
  const admins = await db.selectFrom('users').select('id').where(sql<boolean>`'admin' = any(roles)`).limit(1).execute();
  if (admins.length) return { adminPassword: null };
  const password = opts.adminPassword || randomToken(12);
  await db
    .insertInto('users')
    .values({ username: 'admin', display_name: '系统管理员', password_hash: await hashPassword(password), roles: ['admin'], department_id: null, agent_no: null, must_change_password: !opts.adminPassword })
    .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
    .execute();
  return { adminPassword: opts.adminPassword ? null : password };
}
