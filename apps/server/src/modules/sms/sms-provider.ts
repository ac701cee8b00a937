export interface SmsMessage {
  /** E.164 number. */
  to: string;
  body: string;
}

/** Sends text messages; implementations speak to one gateway each. */
export interface SmsProvider {
  readonly name: 'console' | 'twilio';
  send(message: SmsMessage): Promise<void>;
}

export class SmsDeliveryError extends Error {
  constructor(
    message: string,
    readonly providerCode?: string | number,
  ) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}
