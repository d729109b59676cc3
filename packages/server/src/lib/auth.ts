import { PERMISSIONS, pickLang, type Permission } from '@kefu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/client';
import type { Clock } from './clock';
import type { Ctx, RequestActor } from './context';
import { AppError } from './errors';
import { sha256 } from './tokens';

export const SESSION_COOKIE = 'kefu_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

function toPermissions(list: Iterable<string>): Set<Permission> {
  const known = new Set<string>(PERMISSIONS);
  return new Set([...list].filter((p): p is Permission => known.has(p)));
}

/** Permissions of a user: the union of their roles' permissions (roles are editable by the admin). */
export async function loadUserActor(db: Db, userId: string): Promise<RequestActor | null> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).where('active', '=', true).executeTakeFirst();
  if (!user) return null;
  const roles = user.roles.length ? await db.selectFrom('roles').select('permissions').where('name', 'in', user.roles).execute() : [];
  return {
    id: user.id,
    kind: 'user',
    name: user.display_name,
    username: user.username,
    roles: user.roles,
    departmentId: user.department_id,
    permissions: toPermissions(roles.flatMap((r) => r.permissions)),
  };
}

/**
 * Who is calling: a cookie session (browser) or an API key (integrations, `Authorization: Bearer`).
 * Cookie sessions must echo their CSRF token on every state-changing request.
 */
export function authenticate(db: Db, clock: Clock) {
  return async (req: FastifyRequest) => {
    req.actor = null;
    req.sessionId = null;
    req.csrfToken = null;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const key = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('key_hash', '=', sha256(auth.slice(7).trim()))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!key) throw new AppError('apikey.invalid', 401);
      await db.updateTable('api_keys').set({ last_used_at: clock.now() }).where('id', '=', key.id).execute();
      req.actor = {
        id: key.id,
        kind: 'apikey',
        name: `API: ${key.name}`,
        username: `apikey:${key.prefix}`,
        roles: [],
        departmentId: null,
        permissions: toPermissions(key.permissions),
      };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = sha256(token);
    const now = clock.now();
    // one round trip: the session, its user and the union of the user's roles' permissions
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.csrf_token', 'sessions.last_seen_at', 'users.id', 'users.display_name', 'users.username', 'users.roles', 'users.department_id', 'users.must_change_password'])
      .select(sql<string[]>`array(select distinct unnest(r.permissions) from roles r where r.name = any(users.roles))`.as('permissions'))
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .where('users.active', '=', true)
      .executeTakeFirst();
    if (!row) return;
    const actor: RequestActor = {
      id: row.id,
      kind: 'user',
      name: row.display_name,
      username: row.username,
      roles: row.roles,
      departmentId: row.department_id,
      permissions: toPermissions(row.permissions),
      mustChangePassword: row.must_change_password,
    };
    const session = { csrf_token: row.csrf_token, last_seen_at: row.last_seen_at };
    // signing in again from a page that still holds an old session needs no token of that session
    const signingIn = req.routeOptions.url === '/api/v1/auth/login';
    if (!SAFE_METHODS.has(req.method) && !signingIn && req.headers[CSRF_HEADER] !== session.csrf_token) {
      throw new AppError('error.csrf', 403);
    }
    // sliding expiry, written at most once a minute
    if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
        .where('id', '=', id)
        .execute();
    }
    req.actor = actor;
    req.sessionId = id;
    req.csrfToken = session.csrf_token;
  };
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

// what a user whose password was reset (or the first admin) may do before choosing a new one
const BEFORE_PASSWORD_CHANGE = new Set(['/api/v1/auth/password']);

/**
 * preValidation: signed in (401), password no longer a temporary one (403), holding the permission
 * (403). Runs before the input is validated, so a missing permission is 403 whatever the input.
 */
export function needs(...permissions: Permission[]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.actor) throw new AppError('error.unauthenticated', 401);
    if (req.actor.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(req.routeOptions.url ?? '')) {
      throw new AppError('auth.must_change_password', 403);
    }
    for (const p of permissions) if (!req.actor.permissions.has(p)) throw new AppError('error.forbidden', 403);
  };
}

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('error.unauthenticated', 401);
  return { actor: req.actor, ip: req.ip ?? null, requestId: req.id, lang: pickLang(req.headers['accept-language']) };
}
