import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './env-values.js';
import { isLoopbackHost } from './security-config.js';

describe('development SMS inbox on a reachable host', () => {
  it('refuses to start on a non-loopback HOST outside production with the console provider, naming the flag', () => {
    for (const host of ['0.0.0.0', '192.168.1.5', '::', 'qiao.example']) {
      expect(() => loadConfig({ HOST: host })).toThrow(ConfigError);
      expect(() => loadConfig({ HOST: host, NODE_ENV: 'test' })).toThrow(/DEV_SMS_INBOX_ALLOW_REMOTE=true/);
    }
  });

  it('starts on loopback, when explicitly allowed, in production, or with a real SMS provider', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(loadConfig({ HOST: host }).host).toBe(host);
    expect(loadConfig({ HOST: '0.0.0.0', DEV_SMS_INBOX_ALLOW_REMOTE: 'true' }).devSmsInboxAllowRemote).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', NODE_ENV: 'production' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0', SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' }).host).toBe(
      '0.0.0.0',
    );
  });

  it('knows loopback from not', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example')).toBe(false);
  });
});
