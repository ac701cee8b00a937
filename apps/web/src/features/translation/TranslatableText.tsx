import type { ReactNode } from 'react';
import { RichText } from '../notes/RichText';
import type { TranslatedField } from './translation-queries';
import { TranslateToggle } from './TranslateToggle';
import { type ContentTranslationState, type TranslationSource, useContentTranslation } from './use-content-translation';

interface TranslatableTextProps {
  source: TranslationSource;
  text: string;
  field?: TranslatedField;
  /**
   * Renders the text (original or translated) in its container; by default the rich-text
   * renderer, so hashtags, mentions and line breaks of a translation stay as clickable as
   * the original's.
   */
  children?: (text: string, state: ContentTranslationState) => ReactNode;
  toggleClassName?: string;
}

/** One translatable text followed by its Translate / See original toggle. */
export function TranslatableText({ source, text, field = 'body', children, toggleClassName }: TranslatableTextProps) {
  const state = useContentTranslation(source);
  const shown = state.text(field, text);
  return (
    <>
      {children ? children(shown, state) : <RichText text={shown} />}
      <TranslateToggle state={state} className={toggleClassName} />
    </>
  );
}
