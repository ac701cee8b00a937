import type { TranslationProviderName } from '../../config/config.js';

// What every translation service adapter does: translate a batch of
// single-line segments (with ⟦n⟧ tokens that must come back unchanged) into
// one target language, or throw a ProviderError that says whether the failure
// speaks about the service's health.

export interface ProviderRequest {
  segments: string[];
  /** A target-style code ('en', 'zh', 'zh-Hant'), or null to let the service detect it. */
  source: string | null;
  target: string;
  signal: AbortSignal;
}

export interface ProviderResult {
  texts: string[];
  /** The language the service detected, normalised; null when it did not say. */
  detectedSource: string | null;
}

export interface TranslationProvider {
  readonly name: TranslationProviderName;
  /** Characters one request may carry; the service batches segments under it. */
  readonly maxRequestChars: number;
  /** Segments one request may carry. */
  readonly maxSegments: number;
  translate(request: ProviderRequest): Promise<ProviderResult>;
}

export class ProviderError extends Error {
  /** False for a request this service cannot serve (an unsupported language): its circuit stays as it is. */
  readonly countsAsFailure: boolean;
  readonly status: number | null;

  constructor(message: string, options: { status?: number | null; countsAsFailure?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.status = options.status ?? null;
    this.countsAsFailure = options.countsAsFailure ?? true;
  }
}

const MAX_ERROR_TEXT = 200;

/** The service's own words about an error, from the error shapes the three APIs use. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const error = parsed.error;
    if (typeof error === 'string') return error.slice(0, MAX_ERROR_TEXT);
    if (error && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message.slice(0, MAX_ERROR_TEXT);
    if (typeof parsed.message === 'string') return parsed.message.slice(0, MAX_ERROR_TEXT);
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_TEXT) || 'no body';
}

/**
 * POSTs JSON and returns the parsed answer. Statuses that describe the request
 * rather than the service (400, 413, 422) do not count against its circuit.
 */
export async function postJson(url: string, body: unknown, options: { headers?: Record<string, string>; signal: AbortSignal }): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError' || options.signal.aborted) throw new ProviderError('timed out', { cause: error });
    throw new ProviderError(`cannot reach the service (${(error as Error).message})`, { cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new ProviderError(options.signal.aborted ? 'timed out' : 'the answer broke off', { cause: error });
  }
  if (!response.ok) {
    const requestProblem = [400, 413, 422].includes(response.status);
    throw new ProviderError(`HTTP ${response.status}: ${errorText(text)}`, { status: response.status, countsAsFailure: !requestProblem });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProviderError('answered with something that is not JSON', { status: response.status, cause: error });
  }
}

export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
