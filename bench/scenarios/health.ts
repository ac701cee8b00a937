import { type LoadOptions, runLoad } from '../lib/measure.js';

export function healthScenario(options: LoadOptions) {
  return runLoad('health', options, { requests: [{ method: 'GET', path: '/api/health' }] });
}
