import { maskPhone } from '../accounts/phone-vault.js';
import type { SmsMessage, SmsProvider } from './sms-provider.js';

export interface SentSms extends SmsMessage {
  sentAt: Date;
}

/**
 * Development provider: prints each message to the server log and keeps the
 * latest ones in memory for the development inbox page (GET /api/dev/sms).
 */
export class ConsoleSmsProvider implements SmsProvider {
  readonly name = 'console' as const;
  private readonly sent: SentSms[] = [];

  constructor(
    private readonly log: (line: string) => void,
    private readonly keep = 200,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    // The log gets the number masked (logs never carry one); the inbox page shows it whole.
    this.log(`SMS to ${maskPhone(message.to)}: ${message.body}`);
    this.sent.push({ ...message, sentAt: new Date() });
    if (this.sent.length > this.keep) this.sent.shift();
  }

  /** Newest first; optionally only the messages to one number. */
  recent(to?: string): SentSms[] {
    const messages = to ? this.sent.filter((message) => message.to === to) : this.sent;
    return [...messages].reverse();
  }
}
