import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';

// Fastify's own client errors, given stable codes of ours.
const FRAMEWORK_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_body', message: 'The Content-Length does not match the body.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The body is not valid JSON.' },
};

export interface ErrorBody {
  error: { code: string; message: string; [extra: string]: unknown };
}

export function sendError(reply: FastifyReply, status: number, body: ErrorBody['error'], retryAfter?: number) {
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ error: body } satisfies ErrorBody);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return sendError(reply, error.status, { ...error.extra, code: error.code, message: error.message }, error.retryAfterSeconds);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      return sendError(reply, 400, {
        code: 'validation_failed',
        message: `Invalid request ${fastifyError.validationContext ?? 'input'}: ${fastifyError.message}`,
        details: fastifyError.validation.map((issue) => ({
          field: `${fastifyError.validationContext ?? ''}${issue.instancePath}`.replace(/\//g, '.'),
          rule: issue.keyword,
          message: issue.message,
        })),
      });
    }
    const known = fastifyError.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
    if (known) return sendError(reply, fastifyError.statusCode ?? 400, known);
    if (error instanceof SyntaxError && (fastifyError.statusCode ?? 500) === 400) {
      return sendError(reply, 400, FRAMEWORK_CODES.FST_ERR_CTP_INVALID_JSON_BODY!);
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendError(reply, status, { code: 'bad_request', message: fastifyError.message });
    }
    // Unknown failures are logged with the request id; the client learns nothing internal.
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, {
      code: 'internal_error',
      message: `Something went wrong on our side. Reference: ${request.id}`,
    });
  });
}

// Errors Fastify raises before a route is found (a broken %-escape, a path segment past
// maxParamLength): our shape, and the path is not echoed back (it may be megabytes long).
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendError(reply, 414, { code: 'uri_too_long', message: 'A part of the address is too long.' });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendError(reply, 400, { code: 'bad_url', message: 'The address is not valid.' });
  }
  return sendError(reply, error.statusCode ?? 400, { code: 'bad_request', message: 'The request could not be routed.' });
}

// Errors Node's HTTP parser raises before Fastify sees a request (headers past the size limit,
// a malformed request line, a slow client): written to the socket in our shape.
const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'request_timeout', message: 'The request took too long to arrive.' },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'The request address or headers are too large.',
  },
};

export function clientErrorHandler(error: Error & { code?: string }, socket: import('node:net').Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code && CLIENT_ERRORS[error.code]) || { status: 400, reason: 'Bad Request', code: 'bad_request', message: 'The request is malformed.' };
  const body = JSON.stringify({ error: { code: known.code, message: known.message } } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
