import { fakeDetect, fakeTranslate } from './fake-dictionary.js';
import { type FakeBehaviour, type FakeProvider, type FakeReply, GARBAGE, type SeenRequest, startFakeServer } from './fake-http.js';

// A stand-in for DeepL's API, speaking its documented format:
//   POST /v2/translate   Authorization: DeepL-Auth-Key <key>
//        { text: string[], target_lang, source_lang?, tag_handling?, ignore_tags? }
//        → { translations: [{ detected_source_language, text }] }
//   errors → { message } with 400 (bad request), 403 (bad key), 413 (too large),
//            429 (too many requests), 456 (quota exceeded), 5xx.
// With tag_handling "xml", tags and the content of ignore_tags pass through untranslated.

export interface FakeDeepLOptions {
  port?: number;
  host?: string;
  /** The one key it accepts. */
  apiKey: string;
}

const TARGETS = new Set(['EN-US', 'EN-GB', 'ZH', 'ZH-HANS', 'ZH-HANT', 'JA', 'KO', 'ES', 'FR', 'DE', 'PT-BR', 'PT-PT']);
const MESSAGES: Record<number, string> = {
  400: "Bad request. Reason: Value for 'target_lang' not supported.",
  403: 'Forbidden',
  413: 'Request Entity Too Large',
  429: 'Too many requests',
  456: 'Quota exceeded',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Translates the text between tags; tags, and whatever an ignored tag holds, stay as they are. */
function translateXml(text: string, target: string, ignore: string[]): string {
  const ignored = ignore.length ? new RegExp(`(<(${ignore.join('|')})>[\\s\\S]*?</\\2>|<[^>]+>)`, 'g') : /(<[^>]+>)/g;
  // Translate the text with the kept parts standing in as ⟦k⟧ so the dictionary leaves them alone.
  const kept: string[] = [];
  const placeheld = text.replace(ignored, (part) => `⟦${kept.push(part) - 1}⟧`);
  return fakeTranslate(placeheld, target).replace(/⟦(\d+)⟧/g, (_, i: string) => kept[Number(i)]!);
}

export function startFakeDeepL(options: FakeDeepLOptions): Promise<FakeProvider> {
  const handle = (request: SeenRequest, behaviour: FakeBehaviour): FakeReply => {
    if (request.method !== 'POST' || request.path !== '/v2/translate') return { status: 404, body: { message: 'Not found' } };
    if (request.headers.authorization !== `DeepL-Auth-Key ${options.apiKey}`) return { status: 403, body: { message: MESSAGES[403] } };
    if (typeof behaviour === 'object' && 'status' in behaviour) {
      return { status: behaviour.status, body: { message: MESSAGES[behaviour.status] ?? 'Error' } };
    }
    if (behaviour === 'garbage') return { status: 200, body: GARBAGE, raw: true };
    if (behaviour === 'wrong-shape') return { status: 200, body: { translations: 'none' } };
    const body = request.body as { text?: unknown; target_lang?: unknown; tag_handling?: unknown; ignore_tags?: unknown } | null;
    if (!body || !Array.isArray(body.text) || !body.text.every((item) => typeof item === 'string') || body.text.length > 50) {
      return { status: 400, body: { message: "Bad request. Reason: Parameter 'text' not specified." } };
    }
    const target = String(body.target_lang ?? '');
    if (!TARGETS.has(target)) return { status: 400, body: { message: MESSAGES[400] } };
    const xml = body.tag_handling === 'xml';
    const ignore = xml && Array.isArray(body.ignore_tags) ? (body.ignore_tags as string[]) : [];
    const lang = target.startsWith('ZH') ? (target === 'ZH-HANT' ? 'zh-Hant' : 'zh') : target.split('-')[0]!.toLowerCase();
    return {
      status: 200,
      body: {
        translations: (body.text as string[]).map((text) => {
          let translated = xml ? translateXml(text, lang, ignore) : fakeTranslate(text, lang);
          if (behaviour === 'drop-tokens') translated = translated.replace(/<x>[^<]*<\/x>/g, '');
          return { detected_source_language: fakeDetect(text).language.toUpperCase(), text: translated };
        }),
      },
    };
  };
  return startFakeServer({ port: options.port, host: options.host, translatePath: (path) => path === '/v2/translate', handle });
}
