import type { CustomerCreateInput } from '@kefu/shared';
import { randomBytes } from 'node:crypto';
import { systemCtx } from '../src/lib/context';
import type { TestEnv } from './helpers';

let seq = 0;
const PREFIXES = ['130', '131', '135', '136', '137', '138', '139', '150', '151', '158', '159', '186', '188', '199'];

/** A valid, unique mainland mobile for each call. */
export function uniqueMobile(): string {
  seq += 1;
  const prefix = PREFIXES[seq % PREFIXES.length]!;
  return `${prefix}${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0')}`;
}

export function buildCustomer(overrides: Partial<CustomerCreateInput> = {}): CustomerCreateInput {
  return { name: '张三', mobile: uniqueMobile(), gender: 'male', title: 'mr', ...overrides };
}

export const PASSWORD = 'test-password-1';

/** A user with the given roles, created through the service as the system would. */
export async function createUser(env: TestEnv, roles: string[], name?: string) {
  seq += 1;
  const username = `${roles[0] ?? 'user'}_${seq}_${randomBytes(2).toString('hex')}`;
  return env.app.services.users.create(systemCtx(), {
    username,
    displayName: name ?? `${roles[0]}${seq}`,
    password: PASSWORD,
    roles,
    departmentId: null,
    agentNo: null,
  });
}

export interface Client {
  userId: string;
  username: string;
  get(url: string, headers?: Record<string, string>): Promise<Res>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  delete(url: string, headers?: Record<string, string>): Promise<Res>;
}
export interface Res {
  status: number;
  body: any;
  text: string;
  headers: Record<string, unknown>;
}

/** Signs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function signIn(env: TestEnv, username: string, password = PASSWORD): Promise<Client> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'kefu_session')!;
  const { csrfToken, user } = res.json();
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> => {
    const r = await env.app.inject({
      method,
      url,
      cookies: { kefu_session: cookie.value },
      headers: { 'x-csrf-token': csrfToken, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    let parsed: unknown;
    try {
      parsed = r.json();
    } catch {
      parsed = null;
    }
    return { status: r.statusCode, body: parsed, text: r.body, headers: r.headers };
  };
  return {
    userId: user.id,
    username,
    get: (url, headers) => call('GET', url, undefined, headers),
    post: (url, body, headers) => call('POST', url, body ?? {}, headers),
    patch: (url, body, headers) => call('PATCH', url, body, headers),
    put: (url, body, headers) => call('PUT', url, body, headers),
    delete: (url, headers) => call('DELETE', url, undefined, headers),
  };
}

export async function userClient(env: TestEnv, roles: string[], name?: string): Promise<Client> {
  const user = await createUser(env, roles, name);
  return signIn(env, user.username);
}
