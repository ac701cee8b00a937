import { describe, expect, it } from 'vitest';
import { ApiError, parseApiError } from './api-error';

describe('parseApiError', () => {
  it('reads code, message and extra fields from the server format', () => {
    const error = parseApiError(400, null, { error: { code: 'code_invalid', message: 'Wrong code', attemptsLeft: 3 } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('code_invalid');
    expect(error.message).toBe('Wrong code');
    expect(error.extra).toEqual({ attemptsLeft: 3 });
  });

  it('prefers error.retryAfter and falls back to the Retry-After header', () => {
    expect(parseApiError(429, '30', { error: { code: 'rate_limited', message: 'x', retryAfter: 12 } }).retryAfter).toBe(12);
    expect(parseApiError(429, '30', { error: { code: 'rate_limited', message: 'x' } }).retryAfter).toBe(30);
  });

  it('keeps details for field mapping', () => {
    const details = [{ field: 'displayName' }];
    expect(parseApiError(400, null, { error: { code: 'validation_failed', message: 'x', details } }).details).toBe(details);
  });

  it('invents a code when the body is not the server format', () => {
    expect(parseApiError(502, null, undefined).code).toBe('server_error');
    expect(parseApiError(404, null, '<html>').code).toBe('unknown_error');
  });
});
