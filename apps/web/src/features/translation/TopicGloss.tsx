import { useTranslation } from 'react-i18next';
import { useMeta } from '../../app/meta-queries';
import { useMe } from '../profile/me-queries';
import { needsGloss } from './text-script';
import { useTranslationQuery } from './translation-queries';
import { languageName, providerBrand, translationTarget } from './translation-rules';
import './translation.css';

/**
 * Under a topic's name written in a script the viewer does not read (#交猫税 for an
 * English reader), what it means. Asked for on its own: a topic name is a few words.
 * Shows nothing while loading or when translation fails; the name is enough then.
 */
export function TopicGloss({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const enabled = useMeta().data?.translation?.enabled ?? false;
  const me = useMe();
  const wanted = enabled && !me.isPending && needsGloss(name, me.data?.readLanguages ?? [], locale);
  const target = translationTarget(locale);
  const query = useTranslationQuery({ kind: 'topic', id: name, target, version: name }, wanted);
  const gloss = wanted ? query.data?.fields.name?.trim() : undefined;
  if (!gloss || !query.data || gloss.toLowerCase() === name.toLowerCase()) return null;
  const by = providerBrand(query.data.provider) ?? t('translation.providerAi');
  const source = query.data.sourceLanguage;
  const attribution = source
    ? t('translation.translatedFrom', { language: languageName(source, locale), provider: by })
    : t('translation.translatedBy', { provider: by });
  return (
    <p className="topic-gloss" lang={target} title={attribution} data-testid="topic-gloss">
      <span className="visually-hidden">{t('translation.glossLabel')}</span>
      {gloss}
    </p>
  );
}
