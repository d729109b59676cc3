import type { Lang } from '@kefu/shared/messages';
import { ApiError, type FieldError } from './api-error';

/**
 * The one way the UI talks to the API: JSON in and out, the session cookie, the CSRF header on every
 * write, Accept-Language so the server answers messages in the reader's language, and problem+json
 * turned into an ApiError that carries the field errors.
 */
const state: { csrfToken: string | null; lang: Lang; onUnauthorized: (() => void) | null } = {
  csrfToken: null,
  lang: 'zh-CN',
  onUnauthorized: null,
};

export function setCsrfToken(token: string | null) {
  state.csrfToken = token;
}
export function setApiLanguage(lang: Lang) {
  state.lang = lang;
}
/** Called when a request answers 401 (the session ended): the app shows the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  state.onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's error page): keep the status line
  }
  const title = typeof body.title === 'string' ? body.title : `${res.status} ${res.statusText}`;
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
  return new ApiError(
    res.status,
    typeof body.code === 'string' ? body.code : undefined,
    title,
    typeof body.detail === 'string' ? body.detail : undefined,
    errors,
    typeof body.requestId === 'string' ? body.requestId : (res.headers.get('x-request-id') ?? undefined),
    body,
  );
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: { skipUnauthorized?: boolean; headers?: Record<string, string> } = {},
): Promise<T> {
  // extra headers, e.g. the Idempotency-Key of a balance-moving request
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json', 'accept-language': state.lang };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !opts.skipUnauthorized) state.onUnauthorized?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};

/** A file upload (multipart/form-data), with the same headers and errors as the JSON calls. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.lang };
  if (state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  const res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  if (!res.ok) {
    if (res.status === 401) state.onUnauthorized?.();
    throw await toApiError(res);
  }
  return (await res.json()) as T;
}

/** A file download: the browser saves it under the name the server gives (RFC 5987 filename*). */
export async function downloadFile(path: string): Promise<string> {
  const res = await fetch(path, { headers: { 'accept-language': state.lang }, credentials: 'same-origin' });
  if (!res.ok) throw await toApiError(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
