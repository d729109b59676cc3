import type { SessionUser } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import { SESSION_TTL_MS, loadUserActor } from '../../lib/auth';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/tokens';
import { appendAudit } from '../audit';
import { dummyVerify, hashPassword, verifyPassword } from './password';
import { limitFor, lockedMinutes, nextFailure } from './throttle';

export interface LoginRequest {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export function createAuthService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /**
   * Claims one attempt for each key (name, address) before the password is checked, counting it as a
   * failure in advance, under a row lock: parallel guesses queue here, so no more than the limit ever
   * reach the password check. Returns the minutes left of a lock, or 0 when the attempt may go on.
   */
  async function claimAttempt(keys: string[], now: Date): Promise<number> {
    return db.transaction().execute(async (trx) => {
      await trx
        .insertInto('login_failures')
        .values(keys.map((key) => ({ key, failures: 0, first_at: now, last_at: now })))
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const rows = await trx.selectFrom('login_failures').selectAll().where('key', 'in', keys).orderBy('key').forUpdate().execute();
      const records = rows.map((r) => ({ key: r.key, rec: { failures: r.failures, firstAt: r.first_at, lastAt: r.last_at } }));
      const minutes = Math.max(0, ...records.map(({ key, rec }) => lockedMinutes(rec, now, limitFor(key))));
      if (minutes > 0) return minutes;
      for (const { key, rec } of records) {
        const next = nextFailure(rec, now);
        await trx.updateTable('login_failures').set({ failures: next.failures, first_at: next.firstAt, last_at: next.lastAt }).where('key', '=', key).execute();
      }
      return 0;
    });
  }

  async function auditSignIn(action: string, req: LoginRequest, actor: { id: string | null; name: string }, detail: Record<string, unknown>) {
    await db
      .insertInto('audit_log')
      .values({
        actor_id: actor.id,
        actor_kind: actor.id ? 'user' : 'anonymous',
        actor_name: actor.name,
        action,
        entity_type: 'user',
        entity_id: actor.id,
        detail: JSON.stringify(detail),
        ip: req.ip,
        request_id: req.requestId,
      })
      .execute();
  }

  /** Wrong user and wrong password give the same answer; repeated failures lock the name and the address. */
  async function login(req: LoginRequest): Promise<{ token: string; csrfToken: string; user: SessionUser }> {
    const now = clock.now();
    const username = req.username.trim().toLowerCase();
    const keys = [`u:${username}`, ...(req.ip ? [`ip:${req.ip}`] : [])];
    const minutes = await claimAttempt(keys, now);
    if (minutes > 0) {
      await auditSignIn('auth.login_throttled', req, { id: null, name: username }, { username });
      throw new AppError('auth.throttled', 429, { minutes });
    }
    const user = await db.selectFrom('users').selectAll().where(sql`lower(username)`, '=', username).executeTakeFirst();
    const ok = user ? await verifyPassword(user.password_hash, req.password) : await dummyVerify(req.password);
    if (!user || !ok || !user.active) {
      await auditSignIn('auth.login_failed', req, { id: null, name: username }, { username });
      throw new AppError('auth.invalid_credentials', 401);
    }
    const token = randomToken();
    const csrfToken = randomToken(24);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sessions')
        // one clock for the session's times: the sliding expiry compares last_seen_at with clock.now()
        .values({ id: sha256(token), user_id: user.id, csrf_token: csrfToken, ip: req.ip, user_agent: req.userAgent?.slice(0, 300) ?? null, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
        .execute();
      await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
      // the attempt was counted as a failure in advance: the name starts afresh, the address gets it back
      await trx.deleteFrom('login_failures').where('key', '=', `u:${username}`).execute();
      if (req.ip) {
        await trx
          .updateTable('login_failures')
          .set({ failures: sql`greatest(failures - 1, 0)` })
          .where('key', '=', `ip:${req.ip}`)
          .execute();
      }
    });
    await auditSignIn('auth.login', req, { id: user.id, name: user.display_name }, {});
    return { token, csrfToken, user: await sessionUser(user.id) };
  }

  async function sessionUser(userId: string): Promise<SessionUser> {
    const actor = await loadUserActor(db, userId);
    const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: user.roles,
      permissions: [...(actor?.permissions ?? [])].sort(),
      departmentId: user.department_id,
      agentNo: user.agent_no,
      mustChangePassword: user.must_change_password,
    };
  }

  async function logout(ctx: Ctx, sessionId: string) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
      await appendAudit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id });
    });
  }

  async function changePassword(ctx: Ctx, sessionId: string | null, current: string, next: string) {
    const user = await db.selectFrom('users').selectAll().where('id', '=', ctx.actor.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, current))) {
      throw new AppError('error.validation', 400, {}, { errors: [{ path: 'currentPassword', message: 'auth.wrong_password' }] });
    }
    const hash = await hashPassword(next);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, must_change_password: false, updated_at: clock.now() }).where('id', '=', user.id).execute();
      // every other session of this user ends
      let del = trx.deleteFrom('sessions').where('user_id', '=', user.id);
      if (sessionId) del = del.where('id', '<>', sessionId);
      await del.execute();
      await appendAudit(trx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
    });
  }

  return { login, logout, sessionUser, changePassword };
}
export type AuthService = ReturnType<typeof createAuthService>;
