/** Error thrown for any failed API call, carrying the server's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds to wait before retrying, from `error.retryAfter` or the Retry-After header. */
  readonly retryAfter: number | undefined;
  readonly details: unknown;
  /** Every other field the server put in `error` (e.g. attemptsLeft). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    retryAfter?: number | undefined;
    details?: unknown;
    extra?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.retryAfter = init.retryAfter;
    this.details = init.details;
    this.extra = init.extra ?? {};
  }
}

/** Codes the client invents when the server could not answer in its own format. */
export const NETWORK_ERROR = 'network_error';
export const UNKNOWN_ERROR = 'unknown_error';

function toSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.ceil(value));
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
    // Retry-After may also be an HTTP date.
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }
  return undefined;
}

/**
 * Builds an ApiError from a failed response's status, Retry-After header and parsed body.
 * Kept pure so the mapping of the server's `{ error: { code, message, ... } }` is testable.
 */
export function parseApiError(status: number, retryAfterHeader: string | null, body: unknown): ApiError {
  const error =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error
      ? (body.error as Record<string, unknown>)
      : undefined;
  const { code, message, retryAfter, details, ...extra } = error ?? {};
  return new ApiError({
    status,
    code: typeof code === 'string' && code ? code : status >= 500 ? 'server_error' : UNKNOWN_ERROR,
    message: typeof message === 'string' ? message : `HTTP ${status}`,
    retryAfter: toSeconds(retryAfter) ?? toSeconds(retryAfterHeader),
    details,
    extra,
  });
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
