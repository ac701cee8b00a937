import { fakeDetect, fakeTranslate } from './fake-dictionary.js';
import { type FakeBehaviour, type FakeProvider, type FakeReply, GARBAGE, type SeenRequest, startFakeServer } from './fake-http.js';

// A stand-in for a LibreTranslate server, speaking its documented API:
//   GET  /languages  → [{ code, name, targets }]
//   POST /translate  { q: string | string[], source: code | "auto", target, format?, api_key? }
//                    → { translatedText, detectedLanguage? } (arrays when q is an array)
//   errors           → { error: string } with 400 (bad request, unsupported language),
//                      403 (bad API key), 429 (slow down), 500 (translation failed).
// By default it names Chinese as newer servers do (zh-Hans / zh-Hant); `legacyCodes`
// gives the zh / zt of servers before v1.6.

export interface FakeLibreTranslateOptions {
  port?: number;
  host?: string;
  /** When set, requests must carry this api_key. */
  apiKey?: string;
  legacyCodes?: boolean;
}

const NAMES: Record<string, string> = { en: 'English', ja: 'Japanese', ko: 'Korean', es: 'Spanish', fr: 'French', de: 'German' };

function languages(legacy: boolean) {
  const chinese = legacy ? { zh: 'Chinese', zt: 'Chinese (traditional)' } : { 'zh-Hans': 'Chinese (Simplified)', 'zh-Hant': 'Chinese (Traditional)' };
  const all = { ...NAMES, ...chinese };
  const codes = Object.keys(all);
  return Object.entries(all).map(([code, name]) => ({ code, name, targets: codes }));
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request: missing q parameter',
  403: 'Invalid API key',
  429: 'Slowdown: 30 per 1 minute',
  500: 'Cannot translate text: model crashed',
};

export function startFakeLibreTranslate(options: FakeLibreTranslateOptions = {}): Promise<FakeProvider> {
  const offered = languages(options.legacyCodes ?? false);
  const codes = new Set(offered.map((language) => language.code));
  const detectCode = (language: string) => (language === 'zh' && !options.legacyCodes ? 'zh-Hans' : language);

  const handle = (request: SeenRequest, behaviour: FakeBehaviour): FakeReply => {
    if (request.method === 'GET' && request.path === '/languages') return { status: 200, body: offered };
    if (request.method !== 'POST' || request.path !== '/translate') return { status: 404, body: { error: 'Not Found' } };
    const body = request.body as { q?: unknown; source?: unknown; target?: unknown; api_key?: unknown } | null;
    if (!body || typeof body !== 'object') return { status: 400, body: { error: 'Invalid request: request body is not JSON' } };
    if (options.apiKey && body.api_key !== options.apiKey) return { status: 403, body: { error: ERROR_TEXT[403] } };
    if (typeof behaviour === 'object' && 'status' in behaviour) {
      return { status: behaviour.status, body: { error: ERROR_TEXT[behaviour.status] ?? 'Error' } };
    }
    if (behaviour === 'garbage') return { status: 200, body: GARBAGE, raw: true };
    if (behaviour === 'wrong-shape') return { status: 200, body: { translation: 'nope' } };
    const q = body.q;
    if (!(typeof q === 'string' || (Array.isArray(q) && q.every((item) => typeof item === 'string')))) {
      return { status: 400, body: { error: ERROR_TEXT[400] } };
    }
    const target = String(body.target ?? '');
    const source = String(body.source ?? 'auto');
    if (!codes.has(target)) return { status: 400, body: { error: `${target} is not supported` } };
    if (source !== 'auto' && !codes.has(source)) return { status: 400, body: { error: `${source} is not supported` } };
    const texts = typeof q === 'string' ? [q] : q;
    const translated = texts.map((text) => {
      const out = fakeTranslate(text, target);
      return behaviour === 'drop-tokens' ? out.replace(/⟦\d+⟧/g, '') : out;
    });
    const detected = texts.map((text) => {
      const guess = fakeDetect(text);
      return { confidence: guess.confidence, language: detectCode(guess.language) };
    });
    return {
      status: 200,
      body: {
        translatedText: typeof q === 'string' ? translated[0] : translated,
        ...(source === 'auto' ? { detectedLanguage: typeof q === 'string' ? detected[0] : detected } : {}),
      },
    };
  };

  return startFakeServer({ port: options.port, host: options.host, translatePath: (path) => path === '/translate', handle });
}
