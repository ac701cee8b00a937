import type autocannon from 'autocannon';
import { type LoadOptions, runLoad } from '../lib/measure.js';
import { phoneNumbers } from '../lib/phone-pool.js';

interface Context {
  phone?: string;
  code?: string;
}

/**
 * A whole sign-up per connection iteration: ask for a code, read it from the
 * console provider's development inbox (what a phone would receive), verify it.
 */
export async function signupScenario(options: LoadOptions) {
  const numbers = phoneNumbers();
  let completed = 0;
  let refused = 0;
  const json = { 'content-type': 'application/json' };
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/api/auth/code',
      setupRequest: (request, context: Context) => {
        const next = numbers.next();
        if (next.done) throw new Error('phone number pool exhausted');
        context.phone = next.value;
        return { ...request, headers: json, body: JSON.stringify({ phone: context.phone }) };
      },
    },
    {
      method: 'GET',
      setupRequest: (request, context: Context) => ({ ...request, path: `/api/dev/sms?to=${encodeURIComponent(context.phone!)}` }),
      onResponse: (_status, body, context: Context) => {
        context.code = (JSON.parse(body) as { messages: Array<{ code: string }> }).messages[0]?.code;
      },
    },
    {
      method: 'POST',
      path: '/api/auth/verify',
      setupRequest: (request, context: Context) => ({
        ...request,
        headers: json,
        body: JSON.stringify({ phone: context.phone, code: context.code ?? '000000' }),
      }),
      onResponse: (status) => {
        if (status === 200) completed += 1;
        else refused += 1;
      },
    },
  ];
  const result = await runLoad('signup', options, { requests });
  result.extra = { signupsCompleted: completed, signupsPerSecond: Math.round(completed / options.durationSeconds), signupsRefused: refused };
  return result;
}
