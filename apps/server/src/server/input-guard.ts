import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';

// Text PostgreSQL cannot store (NUL) or that is not valid UTF-16 (a lone surrogate) is refused
// at the door for every route, before any service sees it: otherwise each query that meets it
// fails deep inside with a 500 and an error-level stack trace anyone can trigger at will.
// (Hidden direction controls in names are the profile and board rules' business: lib/hidden-controls.)
function unstorable(text: string): boolean {
  // isWellFormed is false exactly when a surrogate half stands alone (emoji pairs pass).
  // (ES2024; Node 20 has it, the compiler's lib does not yet.)
  return text.includes('\u0000') || (text as unknown as { isWellFormed(): boolean }).isWellFormed() === false;
}

const MAX_DEPTH = 32;

/** The first problem in a request's input, or null; walks objects and arrays up to a depth. */
export function inputProblem(value: unknown, key = '', depth = 0): AppError | null {
  if (typeof value === 'string') {
    if (unstorable(value)) {
      return new AppError(400, 'invalid_text', 'Text may not contain NUL characters or broken Unicode.', { extra: field(key) });
    }
    return null;
  }
  if (typeof value === 'number') {
    // JSON.parse('1e309') and a coerced query '1e309' both give Infinity; no input means that.
    return Number.isFinite(value) ? null : new AppError(400, 'invalid_number', 'Numbers must be finite.', { extra: field(key) });
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [name, item] of entries) {
    const problem = inputProblem(item, key ? `${key}.${name}` : name, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function field(key: string): Record<string, unknown> {
  return key ? { field: key } : {};
}

export function installInputGuard(app: FastifyInstance): void {
  // preValidation: the body is parsed but not yet checked against the schema. Keys of the raw
  // query and params are checked too, so a NUL never reaches a SQL parameter.
  app.addHook('preValidation', async (request) => {
    const problem = inputProblem(request.params, 'params') ?? inputProblem(request.query, 'querystring') ?? inputProblem(request.body, 'body');
    if (problem) throw problem;
  });
  // preHandler: after the schema coerced query strings to numbers ('1e309' → Infinity).
  app.addHook('preHandler', async (request) => {
    const problem = inputProblem(request.query, 'querystring') ?? inputProblem(request.params, 'params');
    if (problem) throw problem;
  });
}
