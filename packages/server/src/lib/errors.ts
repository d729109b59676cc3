import type { MessageKey } from '@kefu/shared';

/**
 * The one error type domain code throws. It carries a message key (also the problem `code`), the HTTP
 * status, parameters for the message, and optional extras (the allowed actions of a workflow).
 * Domain code never imports the web framework; lib/problem.ts turns this into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly extra: {
      allowed?: string[];
      errors?: { path: string; message: MessageKey; params?: Record<string, string | number> }[];
      /** more members of the problem body (a full slot's suggested times) */
      body?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('error.not_found', 404);
export const forbidden = () => new AppError('error.forbidden', 403);
export const conflict = (code: MessageKey, params: Record<string, string | number> = {}, allowed?: string[]) =>
  new AppError(code, 409, params, allowed ? { allowed } : {});
export const invalid = (path: string, message: MessageKey) =>
  new AppError('error.validation', 400, {}, { errors: [{ path, message }] });
