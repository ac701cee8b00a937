/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../lib/languages';
import { CATALOGUES } from './resources';

type Catalogue = Record<string, unknown>;
const en = CATALOGUES.en as Catalogue;
const translations = LANGUAGES.filter((language) => language !== 'en').map((language) => [language, CATALOGUES[language] as Catalogue] as const);

/** Every leaf as a dotted path and its value, so a missing translation names itself. */
function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}
const leafMap = (catalogue: Catalogue) => new Map(leaves(catalogue));

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * Keys a language may add beyond English: the plural forms its grammar has and English
 * lacks (Spanish "many": "1 millón de vistas"), for every English key with an _other form.
 */
function extraPluralKeys(language: string, english: Map<string, unknown>): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const extra = new Set<string>();
  for (const path of english.keys()) {
    if (!path.endsWith('_other')) continue;
    const base = path.slice(0, -'_other'.length);
    for (const category of categories) if (!english.has(`${base}_${category}`)) extra.add(`${base}_${category}`);
  }
  return extra;
}

/** The English string a key is checked against (its _other form for an added plural). */
function englishFor(path: string, english: Map<string, unknown>): string {
  const own = english.get(path);
  if (typeof own === 'string') return own;
  return english.get(path.replace(PLURAL_SUFFIX, '_other')) as string;
}

// A formatted variable ({{count, plusOne}}) is still the variable `count`.
const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;
const variables = (text: string) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
/** Formatters registered in i18n.ts; anything else renders the raw value. */
const FORMATTERS = new Set(['plusOne']);

describe('locale catalogues', () => {
  it('ship one catalogue per interface language', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(translations)('%s has every key English has, and only plural forms it needs beyond them', (language, catalogue) => {
    const english = leafMap(en);
    const own = leafMap(catalogue);
    const missing = [...english.keys()].filter((path) => !own.has(path));
    const allowedExtra = extraPluralKeys(language, english);
    const extra = [...own.keys()].filter((path) => !english.has(path) && !allowedExtra.has(path));
    expect(missing, `${language} misses keys`).toEqual([]);
    expect(extra, `${language} has keys English does not`).toEqual([]);
  });

  it.each(translations)('%s has every plural form its grammar needs', (language, catalogue) => {
    const own = leafMap(catalogue);
    const needed = [...extraPluralKeys(language, leafMap(en))].filter((path) => !own.has(path));
    expect(needed, `${language} misses plural forms`).toEqual([]);
  });

  it('has no empty strings and no nested value where English has text', () => {
    for (const [language, catalogue] of [['en', en] as const, ...translations]) {
      const bad = leaves(catalogue)
        .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
        .map(([path]) => path);
      expect(bad, language).toEqual([]);
    }
  });

  it('uses the same interpolation variables as English, with well-formed braces and known formatters', () => {
    const english = leafMap(en);
    for (const [language, catalogue] of [['en', en] as const, ...translations]) {
      for (const [path, value] of leaves(catalogue)) {
        const text = value as string;
        const reference = englishFor(path, english);
        expect(variables(text), `${language} ${path}`).toEqual(variables(reference));
        // Whatever is left after removing valid placeholders must hold no stray braces.
        expect(text.replace(PLACEHOLDER, ''), `${language} ${path}`).not.toMatch(/\{\{|\}\}/);
        for (const match of text.matchAll(PLACEHOLDER)) {
          if (match[2]) expect(FORMATTERS.has(match[2]), `${language} ${path}: ${match[2]}`).toBe(true);
        }
      }
    }
  });

  it('has a message for every error code the server sends, in every language', () => {
    const codes = serverErrorCodes();
    // Guards the scan itself: a broken pattern would otherwise pass on zero codes.
    expect(codes).toContain('phone_invalid');
    expect(codes).toContain('unauthenticated');
    expect(codes).toContain('validation_failed');
    expect(codes).toContain('video_type_unsupported');
    for (const [language, catalogue] of [['en', en] as const, ...translations]) {
      const messages = (catalogue.errors ?? {}) as Record<string, unknown>;
      const missing = codes.filter((code) => typeof messages[code] !== 'string');
      expect(missing, `${language} lacks messages for these error codes`).toEqual([]);
    }
  });

  it('leaves no English behind in the Chinese, Japanese and Korean catalogues', () => {
    for (const language of ['zh-CN', 'zh-TW', 'ja', 'ko'] as const) {
      const untranslated = leaves(CATALOGUES[language])
        .filter(([path, value]) => !ALLOWED_LATIN_KEYS.some((prefix) => path.startsWith(prefix)) && looksEnglish(value as string))
        .map(([path, value]) => `${path}: ${String(value)}`);
      expect(untranslated, language).toEqual([]);
    }
  });

  it('leaves no English behind in the Spanish catalogue', () => {
    const english = leafMap(en);
    const same = leaves(CATALOGUES.es)
      .filter(([path]) => !ALLOWED_LATIN_KEYS.some((prefix) => path.startsWith(prefix)))
      .filter(([path, value]) => value === english.get(path) && looksEnglish(value as string))
      .filter(([, value]) => !SAME_IN_SPANISH.has((value as string).toLowerCase()))
      .map(([path, value]) => `${path}: ${String(value)}`);
    expect(same).toEqual([]);
  });
});

/** Language names are written in their own language in every catalogue ("English", "Español"). */
const ALLOWED_LATIN_KEYS = ['languages.en', 'languages.es'];

/** Names, units and formats that every language writes the same way. */
const UNTRANSLATABLE = /\b(Qiao|OK|MB|GB|kB|JPEG|PNG|WebP|AVIF|HEIC|GIF|MP4|MOV|WebM|SMS|URL|OOTD|JP|ID|English|LibreTranslate|DeepL|OpenAI|Ollama|API)\b/g;

/** Latin letters left once placeholders and universal names are gone, and no CJK or Hangul. */
function looksEnglish(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, '').replace(UNTRANSLATABLE, '');
  return /[A-Za-z]{2,}/.test(rest) && !/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(rest);
}

/** Whole Spanish values that happen to be spelled as in English (compared in lower case). */
const SAME_IN_SPANISH = new Set(['video', 'videos', 'error', 'no']);

/**
 * The error codes the server can send, read from its source: the AppError helpers
 * (badRequest('code', …), new AppError(403, 'code', …)), domain errors named *Error or
 * *Rejected that carry a code first, and `{ code: '…', message }` error bodies.
 */
function serverErrorCodes(): string[] {
  const root = fileURLToPath(new URL('../../../server/src', import.meta.url));
  const patterns = [
    /\b(?:new\s+)?(?:badRequest|notFound|conflict|tooManyRequests|forbidden|unauthenticated|\w*Error|\w*Rejected)\(\s*(?:\d+\s*,\s*)?'([a-z][a-z0-9_]*)'\s*,/g,
    /\b(?:error_)?code: '([a-z][a-z0-9_]*)',\s*(?:error_)?message:/g,
  ];
  const codes = new Set<string>(DYNAMIC_ERROR_CODES);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const pattern of patterns) for (const match of source.matchAll(pattern)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

/** Codes the server builds at run time, which no pattern can read (profile-tabs-service: `${tab}_private`, content-screening: `account_${status}`). */
const DYNAMIC_ERROR_CODES = ['likes_private', 'collects_private', 'account_suspended', 'account_banned', 'account_pending'];
