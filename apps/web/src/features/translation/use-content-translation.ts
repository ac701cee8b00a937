import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../app/meta-queries';
import { useMe } from '../profile/me-queries';
import { type ContentTranslation, type TranslatedField, type TranslationKind, useTranslationQuery } from './translation-queries';
import { baseLanguage, shouldOfferTranslation, translationTarget, viewerReadLanguages } from './translation-rules';

export interface TranslationSource {
  kind: TranslationKind;
  id: string;
  /** The content's language (ISO 639-1); null or absent when unknown: no button then. */
  language: string | null | undefined;
  /** Changes when the text does (note: updatedAt; comment: textVersion(body)). */
  version: string;
  /** One's own writing gets no Translate button. */
  authorId?: string | undefined;
}

export interface ContentTranslationState {
  /** Whether this viewer gets a Translate button for this text at all. */
  offered: boolean;
  showing: 'original' | 'translation';
  loading: boolean;
  error: unknown;
  translation: ContentTranslation | undefined;
  /** The viewer wants translations without tapping; TranslateToggle starts them when in view. */
  auto: boolean;
  /** The `lang` of what is shown: the target once translated, else the source language. */
  lang: string | undefined;
  /** The field as it should be shown now: translated when showing the translation. */
  text: (field: TranslatedField, original: string) => string;
  translate: () => void;
  showOriginal: () => void;
}

/** Named apart from react-i18next's useTranslation: this one translates what people wrote. */
export function useContentTranslation(source: TranslationSource): ContentTranslationState {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const meta = useMeta().data;
  const me = useMe().data;
  const ownText = Boolean(me && source.authorId && me.id === source.authorId);
  const offered =
    !ownText &&
    shouldOfferTranslation({
      enabled: meta?.translation?.enabled ?? false,
      language: source.language,
      readLanguages: viewerReadLanguages(me?.readLanguages, locale),
      locale,
    });
  const [choice, setChoice] = useState<'original' | 'translation' | null>(null);
  const target = translationTarget(locale);
  const wanted = offered && choice === 'translation';
  const query = useTranslationQuery({ kind: source.kind, id: source.id, target, version: source.version }, wanted);
  const translation = wanted && query.isSuccess ? query.data : undefined;
  const { refetch, isError } = query;

  const translate = useCallback(() => {
    setChoice('translation');
    // A failed attempt stays failed in the cache until asked again.
    if (isError) void refetch();
  }, [isError, refetch]);
  const showOriginal = useCallback(() => setChoice('original'), []);

  return {
    offered,
    showing: translation ? 'translation' : 'original',
    loading: wanted && query.isFetching,
    error: wanted && !query.isFetching && query.isError ? query.error : null,
    translation,
    auto: offered && choice === null && Boolean(me?.autoTranslate),
    lang: translation ? target : source.language ? baseLanguage(source.language) : undefined,
    text: (field, original) => translation?.fields[field] ?? original,
    translate,
    showOriginal,
  };
}

/** A note's title and body, translated together (note page and video caption). */
export function useNoteTranslation(note: {
  id: string;
  language?: string | null;
  createdAt: string;
  updatedAt?: string | null;
  author: { id: string };
}): ContentTranslationState {
  return useContentTranslation({ kind: 'note', id: note.id, language: note.language, version: note.updatedAt || note.createdAt, authorId: note.author.id });
}
