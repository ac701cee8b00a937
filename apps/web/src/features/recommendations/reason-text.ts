import type { TFunction } from 'i18next';
import { languageName } from '../translation/translation-rules';
import type { Reason } from './reason-types';

/**
 * The sentence under "Why am I seeing this?". A reason that names a topic or language
 * but arrives without one falls back to its generic sibling rather than print "#".
 */
export function reasonText(t: TFunction, reason: Reason, locale: string): string {
  switch (reason.code) {
    case 'liked_topic':
      return reason.topic ? t('recommendations.reason.liked_topic', { topic: reason.topic }) : t('recommendations.reason.similar_notes');
    case 'trending_topic':
      return reason.topic ? t('recommendations.reason.trending_topic', { topic: reason.topic }) : t('recommendations.reason.trending');
    case 'popular_in_language':
      return reason.language
        ? t('recommendations.reason.popular_in_language', { language: languageName(reason.language, locale) })
        : t('recommendations.reason.popular');
    case 'similar_notes':
    case 'people_like_you':
    case 'fresh':
    case 'following':
    case 'trending':
    case 'explore':
    case 'popular':
      return t(`recommendations.reason.${reason.code}`);
    default:
      // A code from a newer server: say something true rather than nothing.
      return t('recommendations.reason.popular');
  }
}
