import { normaliseSource } from './target-language.js';
import { isStringArray, postJson, ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from './translation-provider.js';

// LibreTranslate (self-hosted or libretranslate.com): POST {url}/translate with
// { q: [...], source, target, format: "text", api_key? } answers
// { translatedText: [...], detectedLanguage?: [{ language, confidence }] }.
// Installations name Chinese differently (zh/zt before v1.6, zh-Hans/zh-Hant
// after), so the codes come from the server's own GET /languages.

const LANGUAGES_TTL_MS = 10 * 60_000;
const CANDIDATES: Record<string, string[]> = {
  zh: ['zh', 'zh-Hans'],
  'zh-Hant': ['zt', 'zh-Hant', 'zh-TW'],
  nb: ['nb', 'no'],
};

interface LanguageList {
  codes: Set<string>;
  fetchedAt: number;
}

export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate' as const;
  // libretranslate.com and many self-hosted servers cap a request's characters (--char-limit).
  readonly maxRequestChars = 2000;
  readonly maxSegments = 100;
  private languages: LanguageList | null = null;

  constructor(private readonly options: { url: string; apiKey: string }) {}

  private async serverLanguages(signal: AbortSignal): Promise<Set<string> | null> {
    if (this.languages && Date.now() - this.languages.fetchedAt < LANGUAGES_TTL_MS) return this.languages.codes;
    try {
      const response = await fetch(`${this.options.url}/languages`, { signal, headers: { accept: 'application/json' } });
      const list = response.ok ? ((await response.json()) as unknown) : null;
      if (!Array.isArray(list)) return null;
      const codes = new Set(list.map((item) => (item as { code?: unknown }).code).filter((code): code is string => typeof code === 'string'));
      this.languages = { codes, fetchedAt: Date.now() };
      return codes;
    } catch {
      // An old or locked-down server without /languages still translates with the usual codes.
      return null;
    }
  }

  private async code(language: string, signal: AbortSignal): Promise<string> {
    const candidates = CANDIDATES[language] ?? [language];
    const offered = await this.serverLanguages(signal);
    if (!offered) return candidates[0]!;
    const code = candidates.find((candidate) => offered.has(candidate));
    if (!code) throw new ProviderError(`this server does not offer ${language}`, { countsAsFailure: false });
    return code;
  }

  async translate(request: ProviderRequest): Promise<ProviderResult> {
    const target = await this.code(request.target, request.signal);
    const source = request.source ? await this.code(request.source, request.signal).catch(() => 'auto') : 'auto';
    const answer = (await postJson(
      `${this.options.url}/translate`,
      { q: request.segments, source, target, format: 'text', ...(this.options.apiKey ? { api_key: this.options.apiKey } : {}) },
      { signal: request.signal },
    )) as { translatedText?: unknown; detectedLanguage?: unknown };
    const texts = answer?.translatedText;
    if (!isStringArray(texts) || texts.length !== request.segments.length) {
      throw new ProviderError('unexpected answer shape (translatedText is not one string per segment)');
    }
    return { texts, detectedSource: source === 'auto' ? detected(answer.detectedLanguage) : null };
  }
}

/** The most confident detection over the batch; confidence 0 means LibreTranslate could not tell. */
function detected(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  let best: { language: string; confidence: number } | null = null;
  for (const item of list) {
    const { language, confidence } = (item ?? {}) as { language?: unknown; confidence?: unknown };
    if (typeof language !== 'string' || typeof confidence !== 'number' || confidence <= 0) continue;
    if (!best || confidence > best.confidence) best = { language, confidence };
  }
  return best ? normaliseSource(best.language) : null;
}
