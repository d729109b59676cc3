export interface FieldError {
  path: string;
  message: string;
}

/** A problem+json answer (RFC 9457) as an error; title, detail and field messages come translated. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fieldErrors: FieldError[],
    readonly requestId: string | undefined,
    /** the whole problem body, for answers that carry more (a full slot's suggested times) */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  /** The sentence to show a person: the detail when there is one, else the title. */
  get display(): string {
    return this.detail ?? this.title;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export function errorText(err: unknown): string {
  if (isApiError(err)) return err.requestId && err.status >= 500 ? `${err.display}（${err.requestId}）` : err.display;
  return err instanceof Error ? err.message : String(err);
}
