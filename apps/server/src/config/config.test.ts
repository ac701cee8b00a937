import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './env-values.js';
import { repoRoot } from './repo-root.js';

describe('config', () => {
  it('runs with no environment at all: port 3000, ./data, embedded database, console SMS', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(`${repoRoot}/data`);
    expect(config.databaseUrl).toBeNull();
    expect(config.sms.provider).toBe('console');
    expect(config.cookieSecure).toBe(false);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/qiao',
      DATABASE_URL: 'postgres://x@db/qiao',
      NODE_ENV: 'production',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'AC1',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_FROM: '+15005550006',
      SECRET_KEY: 'k'.repeat(40),
      TRUST_PROXY: '1',
      RATE_LIMIT_CODES_PER_IP: '7',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/qiao',
      databaseUrl: 'postgres://x@db/qiao',
      env: 'production',
      cookieSecure: true,
      trustProxy: 1,
    });
    expect(config.sms.twilio.apiUrl).toBe('https://api.twilio.com');
    expect(config.rateLimits.codeRequestsPerIp).toBe(7);
    expect(config.media.s3).toBeNull();
    const s3 = loadConfig({
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 'b',
      MEDIA_BASE_URL: 'https://cdn.example/',
      S3_ENDPOINT: 'http://minio:9000',
    });
    expect(s3.media).toMatchObject({ baseUrl: 'https://cdn.example', s3: { bucket: 'media', region: 'us-east-1', forcePathStyle: true } });
  });

  it('refuses nonsense with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ SMS_PROVIDER: 'pigeon' })).toThrow(/SMS_PROVIDER/);
    expect(() => loadConfig({ SMS_PROVIDER: 'twilio' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY/);
    expect(() => loadConfig({ COOKIE_SECURE: 'maybe' })).toThrow(/COOKIE_SECURE/);
    // Regression: `true` trusted every X-Forwarded-For hop, so any client could pick its own IP.
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=1/);
    expect(() => loadConfig({ TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ S3_BUCKET: 'media' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' })).toThrow(/MEDIA_BASE_URL/);
  });
});
