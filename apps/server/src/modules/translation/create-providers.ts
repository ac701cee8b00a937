import type { TranslationConfig } from '../../config/config.js';
import { DeepLProvider } from './deepl-provider.js';
import { LibreTranslateProvider } from './libretranslate-provider.js';
import { OpenAiProvider } from './openai-provider.js';
import type { TranslationProvider } from './translation-provider.js';

/** The configured providers in their order of fallback. */
export function createProviders(config: TranslationConfig): TranslationProvider[] {
  return config.providers.map((name) => {
    switch (name) {
      case 'libretranslate':
        return new LibreTranslateProvider(config.libretranslate!);
      case 'deepl':
        return new DeepLProvider(config.deepl!);
      case 'openai':
        return new OpenAiProvider(config.openai!);
    }
  });
}

export function setupHelp(config: TranslationConfig): string {
  const how =
    'Set LIBRETRANSLATE_URL to a LibreTranslate server (for example http://localhost:5000), ' +
    'or OPENAI_BASE_URL and OPENAI_MODEL for an OpenAI-compatible server (for example Ollama: http://localhost:11434/v1 and qwen2.5:7b), ' +
    'or DEEPL_API_KEY for DeepL. TRANSLATE_PROVIDERS sets the order of fallback (e.g. libretranslate,openai,deepl). Restart the server after changing them.';
  if (config.providers.length === 0) return `No translation provider is configured, so translate buttons are hidden. ${how}`;
  return `Translation uses ${config.providers.join(', then ')}. To add or reorder providers: ${how}`;
}
