import { SmsDeliveryError, type SmsMessage, type SmsProvider } from './sms-provider.js';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164, or empty when messagingServiceSid is used. */
  from: string;
  messagingServiceSid: string;
  /** https://api.twilio.com in production; a local server in tests. */
  apiUrl: string;
  timeoutMs?: number;
}

/**
 * Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json
 * with HTTP Basic auth (AccountSid:AuthToken) and a form-encoded body (To, From or
 * MessagingServiceSid, Body). Errors come back as JSON { code, message, more_info, status }.
 */
export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'twilio' as const;

  constructor(private readonly options: TwilioOptions) {}

  async send(message: SmsMessage): Promise<void> {
    const { accountSid, authToken, from, messagingServiceSid, apiUrl } = this.options;
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    if (messagingServiceSid) form.set('MessagingServiceSid', messagingServiceSid);
    else form.set('From', from);

    let response: Response;
    try {
      response = await fetch(`${apiUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new SmsDeliveryError(`Twilio unreachable: ${(error as Error).message}`);
    }
    if (response.ok) return;
    let detail: { code?: number; message?: string } = {};
    try {
      detail = (await response.json()) as typeof detail;
    } catch {
      // Not JSON (a proxy's error page): the status is all we know.
    }
    throw new SmsDeliveryError(
      `Twilio refused the message (HTTP ${response.status}${detail.code ? `, code ${detail.code}` : ''}): ${detail.message ?? response.statusText}`,
      detail.code,
    );
  }
}
