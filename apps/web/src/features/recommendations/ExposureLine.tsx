import { useTranslation } from 'react-i18next';
import type { NoteExposure } from './reason-types';
import './exposure.css';

/**
 * The author's view of staged exposure: "Exposure: stage 2 of 3 · 1,234 impressions",
 * and where the note stands in its current stage.
 */
export function ExposureLine({ exposure }: { exposure: NoteExposure }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language);
  const status =
    exposure.status === 'testing'
      ? t('recommendations.exposure.testing', { seen: number.format(exposure.stageImpressions), budget: number.format(exposure.stageBudget) })
      : t(`recommendations.exposure.${exposure.status}`);
  return (
    <p className="muted note-page__exposure" data-testid="note-exposure">
      {t('recommendations.exposure.line', {
        stage: exposure.stage,
        stages: exposure.stages,
        impressions: number.format(exposure.impressions),
        count: exposure.impressions,
      })}
      {' · '}
      {status}
    </p>
  );
}
