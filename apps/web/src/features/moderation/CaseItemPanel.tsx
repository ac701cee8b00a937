import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format-date';
import { Badge } from '../../ui/Badge';
import { languageName, providerBrand } from '../translation/translation-rules';
import { CategoryChips } from './CategoryChips';
import { labelTitle } from './label-names';
import type { CaseDetail } from './moderation-types';
import { rulebookNames } from './rulebook-names';

/**
 * The reported item as written and machine-translated into the moderator's language:
 * side by side where there is room, a toggle on a phone.
 */
export function CaseItemPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const { item, translation } = detail;
  const [pane, setPane] = useState<'original' | 'translation'>(translation ? 'translation' : 'original');
  if (!item) return <p className="muted">{t('moderation.itemGone')}</p>;
  const noteLink = item.noteId ? `/notes/${item.noteId}` : null;
  const original = item.language ? languageName(item.language, locale) : t('moderation.languageUnknown');
  return (
    <section className="case-card" aria-labelledby="case-item-heading">
      <div className="case-card__head">
        <h2 id="case-item-heading" className="case-card__title">
          {t(`moderation.subject.${detail.subject.type}`)}
        </h2>
        <div className="case-card__badges">
          <Badge tone={item.state === 'live' ? 'neutral' : 'danger'}>{t(`moderation.state.${item.state}`, { defaultValue: item.state })}</Badge>
          {item.limited ? <Badge tone="danger">{t('moderation.limited')}</Badge> : null}
        </div>
      </div>
      <CategoryChips categories={detail.categories} />
      {translation ? (
        <fieldset className="case-panes__toggle">
          <legend className="visually-hidden">{t('moderation.panesLabel')}</legend>
          {(['original', 'translation'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={pane === value} onClick={() => setPane(value)} data-testid={`case-pane-${value}`}>
              {value === 'original'
                ? t('moderation.original', { language: original })
                : t('moderation.translation', { language: languageName(translation.language, locale) })}
            </button>
          ))}
        </fieldset>
      ) : null}
      <div className={translation ? `case-panes case-panes--two case-panes--show-${pane}` : 'case-panes'}>
        <article className="case-pane case-pane--original" data-testid="case-original" lang={item.language ?? undefined}>
          <p className="case-pane__label muted">{t('moderation.original', { language: original })}</p>
          {item.title ? <h3 className="case-pane__title">{item.title}</h3> : null}
          {item.text ? <p className="case-pane__text">{item.text}</p> : null}
        </article>
        {translation ? (
          <article className="case-pane case-pane--translation" data-testid="case-translation" lang={translation.language}>
            <p className="case-pane__label muted">
              {t('moderation.translation', { language: languageName(translation.language, locale) })}
              {translation.provider ? ` · ${providerBrand(translation.provider) ?? translation.provider}` : ''}
            </p>
            {translation.title ? <h3 className="case-pane__title">{translation.title}</h3> : null}
            {translation.text ? <p className="case-pane__text">{translation.text}</p> : null}
          </article>
        ) : null}
      </div>
      {item.images.length > 0 ? (
        <ul className="case-images">
          {item.images.map((image) => (
            <li key={image.url}>
              <img src={image.url} alt={image.alt} loading="lazy" />
            </li>
          ))}
        </ul>
      ) : null}
      {item.labels.length > 0 ? (
        <ul className="case-labels" aria-label={t('moderation.currentLabels')}>
          {item.labels.map((label) => (
            <li key={`${label.label}-${label.createdAt}`}>
              <Badge tone="danger">{labelTitle(t, label.label, locale)}</Badge>{' '}
              <span className="muted">{label.rulebooks ? rulebookNames(t, label.rulebooks, locale).join(', ') : t('rulebooks.everywhere')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted case-card__meta">
        {t('moderation.postedOn', { date: formatDateTime(item.createdAt, locale) })}
        {noteLink ? (
          <>
            {' · '}
            <Link to={noteLink}>{t('moderation.openItem')}</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
