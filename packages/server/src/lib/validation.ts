import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { RequestValidationError } from './problem';

// C0 control characters other than tab, newline and carriage return: PostgreSQL cannot store NUL in
// text, and none of the others belongs in a customer record
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function findControl(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findControl(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findControl(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Request validation with the zod schemas of `@kefu/shared`; issues are translated by the error handler. */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> = ({ schema, httpPart }) => {
  return (data) => {
    const control = findControl(data);
    if (control) return { error: new RequestValidationError([{ code: 'custom', path: control, message: 'v.control_char', input: undefined }], httpPart ?? 'body') };
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };
};
