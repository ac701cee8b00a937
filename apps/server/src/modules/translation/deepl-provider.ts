import { normaliseSource } from './target-language.js';
import { postJson, ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from './translation-provider.js';

// DeepL: POST {url}/v2/translate, `Authorization: DeepL-Auth-Key <key>`, JSON
// { text: [...], target_lang, source_lang?, tag_handling: "xml", ignore_tags: ["x"] }
// answers { translations: [{ detected_source_language, text }] }. Tokens travel
// as <x>⟦n⟧</x>: DeepL's documented way to keep a span untranslated.

// DeepL wants a regional variant for English and Portuguese targets and names the Chinese scripts.
const TARGET_CODES: Record<string, string> = { en: 'EN-US', pt: 'PT-BR', zh: 'ZH-HANS', 'zh-Hant': 'ZH-HANT' };
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const toXml = (segment: string) => segment.replace(/[&<>]/g, (char) => XML_ESCAPES[char]!).replace(/⟦\d+⟧/g, (token) => `<x>${token}</x>`);

function fromXml(text: string): string {
  return text.replace(/<x>\s*(⟦\s*\d+\s*⟧)\s*<\/x>/g, '$1').replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

export class DeepLProvider implements TranslationProvider {
  readonly name = 'deepl' as const;
  // The request body may be 128 KiB; UTF-8 CJK is 3 bytes a character, escaping and tags add more.
  readonly maxRequestChars = 30_000;
  readonly maxSegments = 50;

  constructor(private readonly options: { apiKey: string; apiUrl: string }) {}

  async translate(request: ProviderRequest): Promise<ProviderResult> {
    const answer = (await postJson(
      `${this.options.apiUrl}/v2/translate`,
      {
        text: request.segments.map(toXml),
        target_lang: TARGET_CODES[request.target] ?? request.target.toUpperCase(),
        ...(request.source ? { source_lang: request.source.split('-')[0]!.toUpperCase() } : {}),
        tag_handling: 'xml',
        ignore_tags: ['x'],
      },
      { headers: { authorization: `DeepL-Auth-Key ${this.options.apiKey}` }, signal: request.signal },
    )) as { translations?: unknown };
    const translations = answer?.translations;
    if (!Array.isArray(translations) || translations.length !== request.segments.length) {
      throw new ProviderError('unexpected answer shape (translations is not one entry per text)');
    }
    const texts: string[] = [];
    let detectedSource: string | null = null;
    for (const item of translations as Array<{ text?: unknown; detected_source_language?: unknown }>) {
      if (typeof item?.text !== 'string') throw new ProviderError('unexpected answer shape (a translation has no text)');
      texts.push(fromXml(item.text));
      if (detectedSource === null && typeof item.detected_source_language === 'string') {
        detectedSource = normaliseSource(item.detected_source_language);
      }
    }
    return { texts, detectedSource: request.source ? null : detectedSource };
  }
}
