import { MESSAGES, isMessageKey, pickLang, translate, type Lang, type MessageKey } from '@kefu/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from './errors';

/**
 * Every error leaves as application/problem+json (RFC 9457) in the request's language.
 * No stack traces, SQL or internal ids; 5xx are logged with the request id the answer carries.
 */
export class RequestValidationError extends Error {
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly where: string,
  ) {
    super('validation');
  }
}

const zodLocales: Record<Lang, () => { localeError: z.core.$ZodErrorMap }> = {
  'zh-CN': z.locales.zhCN,
  en: z.locales.en,
};

export function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  if (isMessageKey(issue.message)) return translate(issue.message, lang);
  const text = zodLocales[lang]().localeError(issue as never);
  if (typeof text === 'string') return text;
  return text?.message ?? issue.message;
}

function problem(reply: FastifyReply, req: FastifyRequest, status: number, code: MessageKey, lang: Lang, body: Record<string, unknown> = {}, params: Record<string, string | number> = {}) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://kefu.app/problems/${code}`,
      title: translate(code, lang, params),
      status,
      code,
      requestId: req.id,
      ...body,
    });
}

export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = pickLang(req.headers['accept-language']);
  if (err instanceof AppError) {
    const errors = err.extra.errors?.map((e) => ({ path: e.path, message: translate(e.message, lang, e.params) }));
    const detail = err.code === 'error.validation' ? undefined : translate(err.code, lang, err.params);
    return problem(reply, req, err.status, err.code, lang, {
      ...(detail ? { detail } : {}),
      ...(errors ? { errors } : {}),
      ...(err.extra.allowed ? { allowed: err.extra.allowed } : {}),
      ...(err.extra.body ?? {}),
    }, err.params);
  }
  const cause = (err as FastifyError & { cause?: unknown }).cause ?? err;
  if (cause instanceof RequestValidationError || err instanceof RequestValidationError) {
    const v = (cause instanceof RequestValidationError ? cause : err) as RequestValidationError;
    const errors = v.issues.map((i) => ({ path: i.path.join('.'), message: issueMessage(i, lang) }));
    // a malformed id in the path is "not found", so existence does not leak through validation
    if (v.where === 'params') return problem(reply, req, 404, 'error.not_found', lang);
    return problem(reply, req, 400, 'error.validation', lang, { errors });
  }
  const status = (err as FastifyError).statusCode;
  if (status === 413) return problem(reply, req, 413, 'error.payload_too_large', lang);
  if (status && status >= 400 && status < 500) {
    // malformed JSON, wrong content type…: a client error, with the framework's plain detail
    return problem(reply, req, status, 'error.validation', lang, { detail: err.message });
  }
  req.log.error({ err }, 'request failed');
  return problem(reply, req, 500, 'error.internal', lang);
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return problem(reply, req, 404, 'error.route_not_found', pickLang(req.headers['accept-language']));
}

export { MESSAGES };
