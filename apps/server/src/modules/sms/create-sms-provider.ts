import type { Config } from '../../config/config.js';
import { ConsoleSmsProvider } from './console-sms-provider.js';
import type { SmsProvider } from './sms-provider.js';
import { TwilioSmsProvider } from './twilio-sms-provider.js';

export function createSmsProvider(config: Config, log: (line: string) => void): SmsProvider {
  if (config.sms.provider === 'twilio') return new TwilioSmsProvider(config.sms.twilio);
  return new ConsoleSmsProvider(log);
}
