import { changePasswordSchema, loginSchema, meSchema, okSchema } from '@kefu/shared';
import type { App } from '../../app';
import { SESSION_COOKIE, ctxOf, needs } from '../../lib/auth';
import { AppError } from '../../lib/errors';

export function authRoutes(app: App) {
  const { auth } = app.services;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.secureCookies,
    // no maxAge: a browser-session cookie; the session's sliding expiry lives in the database
  };

  app.post(
    '/api/v1/auth/login',
    { schema: { tags: ['auth'], summary: '登录', body: loginSchema, response: { 200: meSchema } } },
    async (req, reply) => {
      const result = await auth.login({
        ...req.body,
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema } } }, async (req, reply) => {
    if (req.actor && req.sessionId) await auth.logout(ctxOf(req), req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: meSchema } } }, async (req) => {
    if (!req.actor || req.actor.kind !== 'user' || !req.csrfToken) throw new AppError('error.unauthenticated', 401);
    return { user: await auth.sessionUser(req.actor.id), csrfToken: req.csrfToken };
  });

  app.post(
    '/api/v1/auth/password',
    { schema: { tags: ['auth'], summary: '修改密码', body: changePasswordSchema, response: { 200: okSchema } }, preValidation: needs() },
    async (req) => {
      await auth.changePassword(ctxOf(req), req.sessionId, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
