import { type LoggerOptions, stdSerializers } from 'pino';

// No phone number reaches a log line, in any spelling: fields that carry one are
// censored by path, and text (messages, error messages and stacks, e.g. an SMS
// gateway's "The 'To' number +1 201 555 0176 is not valid") is scrubbed of anything
// shaped like one. Numbers are never logged on purpose; this catches the accidents.

const PHONE_SHAPES = [
  /\+\s?\d[\d\s().-]{5,}\d/g, // +1 201-555-0176, +8613800138000
  /\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b/g, // (201) 555-0176, 201-555-0176
  /\b\d{7,15}\b/g, // 2015550176, 12015550176
];

export function redactPhoneNumbers(text: string): string {
  return PHONE_SHAPES.reduce((out, shape) => out.replace(shape, '[phone]'), text);
}

/** A request URL with phone-shaped query values scrubbed (decoded first: `%2B1415…` is a number too). */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return redactPhoneNumbers(url);
  const query = [...new URLSearchParams(url.slice(mark + 1))].map(([key, value]) => `${key}=${encodeURIComponent(redactPhoneNumbers(value))}`);
  return `${redactPhoneNumbers(url.slice(0, mark))}?${query.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

const REDACTED_PATHS = ['phone', 'phones', 'to', '*.phone', '*.phones', '*.to', 'body', 'req.body', 'request.body'];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // Fastify's request serializer, with the URL scrubbed (the dev SMS inbox takes `?to=<number>`).
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip ?? request.socket?.remoteAddress,
      }),
      err: (error: Error) => {
        const serialized = stdSerializers.err(error);
        serialized.message = redactPhoneNumbers(serialized.message);
        if (serialized.stack) serialized.stack = redactPhoneNumbers(serialized.stack);
        return serialized;
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactPhoneNumbers(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}
