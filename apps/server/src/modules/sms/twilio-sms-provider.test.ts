import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsDeliveryError } from './sms-provider.js';
import { TwilioSmsProvider } from './twilio-sms-provider.js';

// A local stand-in for api.twilio.com that checks the documented request:
// POST /2010-04-01/Accounts/{AccountSid}/Messages.json, Basic auth, form body.
interface Seen {
  method: string;
  url: string;
  authorization: string;
  contentType: string;
  form: URLSearchParams;
}

let server: http.Server;
let baseUrl: string;
const seen: Seen[] = [];
let nextReply: { status: number; body: string } | null = null;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        contentType: req.headers['content-type'] ?? '',
        form: new URLSearchParams(body),
      });
      const reply = nextReply ?? {
        status: 201,
        body: JSON.stringify({ sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued', to: new URLSearchParams(body).get('To') }),
      };
      nextReply = null;
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const provider = (extra: Partial<ConstructorParameters<typeof TwilioSmsProvider>[0]> = {}) =>
  new TwilioSmsProvider({ accountSid: 'ACtest123', authToken: 'secret-token', from: '+15005550006', messagingServiceSid: '', apiUrl: baseUrl, ...extra });

describe('TwilioSmsProvider', () => {
  it('sends the documented Messages request', async () => {
    await provider().send({ to: '+8613800138000', body: '123456 是你的验证码' });
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/2010-04-01/Accounts/ACtest123/Messages.json');
    expect(request.authorization).toBe(`Basic ${Buffer.from('ACtest123:secret-token').toString('base64')}`);
    expect(request.contentType).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request.form)).toEqual({ To: '+8613800138000', From: '+15005550006', Body: '123456 是你的验证码' });
  });

  it('uses a Messaging Service instead of From when configured', async () => {
    await provider({ from: '', messagingServiceSid: 'MG999' }).send({ to: '+14155552671', body: 'hi' });
    const form = seen.at(-1)!.form;
    expect(form.get('MessagingServiceSid')).toBe('MG999');
    expect(form.has('From')).toBe(false);
  });

  it("turns Twilio's error JSON into a delivery error with its code", async () => {
    nextReply = {
      status: 400,
      body: JSON.stringify({
        code: 21211,
        message: "The 'To' number is not a valid phone number.",
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      }),
    };
    const failure = provider().send({ to: '+10000000000', body: 'x' });
    await expect(failure).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(failure).rejects.toMatchObject({ providerCode: 21211 });
  });

  it('reports an unreachable gateway and a non-JSON error page', async () => {
    await expect(provider({ apiUrl: 'http://127.0.0.1:1' }).send({ to: '+14155552671', body: 'x' })).rejects.toThrow(/unreachable/);
    nextReply = { status: 503, body: '<html>upstream down</html>' };
    await expect(provider().send({ to: '+14155552671', body: 'x' })).rejects.toThrow(/HTTP 503/);
  });
});
