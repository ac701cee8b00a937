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

const REDACTED_PATHS = ['phone', 'phones', 'to', '*.phone', '*.phones', '*.to', 'body', 'req.body', 'request.body'];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
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
