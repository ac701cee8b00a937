import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../app/meta-queries';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast-store';
import { labelTitle, reportCategories } from '../moderation/label-names';
import { useMe } from '../profile/me-queries';
import { RegionSelect } from '../profile/RegionSelect';
import type { Subject } from './report-types';
import { useCreateReport } from './reports-queries';
import '../../ui/choice-row.css';

const DETAILS_MAX = 1000;

/** The report's fields: what is wrong (a label, illegal in a country, or something else) and, optionally, more words. */
export function ReportForm({ subject, onDone }: { subject: Subject; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const me = useMe().data;
  const categories = reportCategories(useMeta().data?.labels);
  const report = useCreateReport();
  const [category, setCategory] = useState<string | null>(null);
  const [country, setCountry] = useState(me?.region ?? 'US');
  const [details, setDetails] = useState('');
  const [missing, setMissing] = useState<'category' | 'details' | null>(null);
  const groupId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = details.trim();
    if (!category) return setMissing('category');
    if (category === 'other' && !text) return setMissing('details');
    setMissing(null);
    report.mutate(
      { subject, category, ...(category === 'illegal' ? { country } : {}), ...(text ? { details: text } : {}) },
      {
        onSuccess: () => {
          showToast(t('report.sent'));
          onDone();
        },
      },
    );
  };

  const optionName = (value: string) =>
    value === 'illegal' ? t('report.category.illegal') : value === 'other' ? t('report.category.other') : labelTitle(t, value, locale);

  return (
    <form className="report-form" onSubmit={submit} noValidate>
      <p className="muted report-form__hint">{t('report.hint')}</p>
      <fieldset className="report-form__options" aria-describedby={missing === 'category' ? `${groupId}-error` : undefined}>
        <legend className="visually-hidden">{t('report.categoryLegend')}</legend>
        {categories.map((value) => (
          <label key={value} className="choice-row" data-testid={`report-category-${value}`}>
            <input type="radio" name={`${groupId}-category`} value={value} checked={category === value} onChange={() => setCategory(value)} />
            <span>{optionName(value)}</span>
          </label>
        ))}
      </fieldset>
      {missing === 'category' ? (
        <p id={`${groupId}-error`} className="field__hint field__hint--error" role="alert">
          {t('report.chooseCategory')}
        </p>
      ) : null}
      {category === 'illegal' ? (
        <RegionSelect value={country} onChange={setCountry} label={t('report.countryLabel')} hint={t('report.countryHint')} testId="report-country" />
      ) : null}
      {category ? (
        <TextField
          multiline
          label={category === 'other' ? t('report.detailsRequired') : t('report.detailsOptional')}
          value={details}
          maxLength={DETAILS_MAX}
          rows={3}
          onChange={(event) => setDetails(event.target.value)}
          error={missing === 'details' ? t('report.detailsMissing') : undefined}
          hint={t('report.detailsCount', { count: [...details].length, max: DETAILS_MAX })}
          data-testid="report-details"
        />
      ) : null}
      {report.isError ? <InlineAlert>{errorMessage(t, report.error)}</InlineAlert> : null}
      <Button type="submit" block disabled={report.isPending} data-testid="report-submit">
        {report.isPending ? t('report.sending') : t('report.send')}
      </Button>
      {me ? (
        <p className="muted report-form__footer">
          <Link to="/me/safety">{t('report.seeMine')}</Link>
        </p>
      ) : null}
    </form>
  );
}
