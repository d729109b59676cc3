import type { Permission } from '@kefu/shared';
import type { Res } from './factories';
import type { TestEnv } from './helpers';

export interface RawCall {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  remoteAddress?: string;
}

/** One request through app.inject, answered in the shape the signed-in clients use. */
export async function call(env: TestEnv, c: RawCall): Promise<Res> {
  const r = await env.app.inject({
    method: c.method ?? 'GET',
    url: c.url,
    headers: c.headers ?? {},
    ...(c.cookies ? { cookies: c.cookies } : {}),
    ...(c.body !== undefined ? { payload: c.body as object } : {}),
    ...(c.remoteAddress ? { remoteAddress: c.remoteAddress } : {}),
  });
  let body: unknown;
  try {
    body = r.json();
  } catch {
    body = null;
  }
  return { status: r.statusCode, body, text: r.body, headers: r.headers };
}

/** A client for an integration: `Authorization: Bearer <key>`, no cookie, no CSRF token. */
export function bearer(env: TestEnv, key: string) {
  const auth = { authorization: `Bearer ${key}` };
  return {
    get: (url: string) => call(env, { url, headers: auth }),
    post: (url: string, body: unknown = {}) => call(env, { method: 'POST', url, body, headers: auth }),
    patch: (url: string, body: unknown) => call(env, { method: 'PATCH', url, body, headers: auth }),
    put: (url: string, body: unknown) => call(env, { method: 'PUT', url, body, headers: auth }),
  };
}

/** An API key made as the admin screen makes it; returns the key (shown once) and its record. */
export async function createApiKey(env: TestEnv, admin: { post(url: string, body?: unknown): Promise<Res> }, permissions: Permission[], name = 'test integration') {
  const res = await admin.post('/api/v1/api-keys', { name, permissions });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${res.text}`);
  return { key: res.body.key as string, apiKey: res.body.apiKey, client: bearer(env, res.body.key as string) };
}

/** Signs in and returns the raw session cookie and CSRF token (for tests about sessions themselves). */
export async function rawSignIn(env: TestEnv, username: string, password: string, remoteAddress?: string) {
  const res = await call(env, { method: 'POST', url: '/api/v1/auth/login', body: { username, password }, ...(remoteAddress ? { remoteAddress } : {}) });
  const setCookie = String(res.headers['set-cookie'] ?? '');
  const cookie = /kefu_session=([^;]+)/.exec(setCookie)?.[1] ?? null;
  return { res, cookie, csrfToken: (res.body?.csrfToken as string | undefined) ?? null };
}
