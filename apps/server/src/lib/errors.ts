// Domain errors: services throw these; the HTTP error handler maps them to
// `{ "error": { "code", "message", ...extra } }` with the status they carry.

export interface AppErrorOptions {
  /** Extra machine-readable fields sent beside code and message (e.g. attemptsLeft). */
  extra?: Record<string, unknown>;
  /** Seconds until a retry can succeed; becomes the Retry-After header. */
  retryAfterSeconds?: number;
  /** The underlying failure, kept for the logs (never sent to the client). */
  cause?: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.extra = options.extra ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const badRequest = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(400, code, message, { extra });
export const unauthenticated = (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(403, 'forbidden', message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new AppError(429, code, message, { retryAfterSeconds, extra: { retryAfter: retryAfterSeconds } });
