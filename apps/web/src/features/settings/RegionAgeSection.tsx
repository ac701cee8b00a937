import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format-date';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast-store';
import { type Me, useUpdateMe } from '../profile/me-queries';
import { RegionSelect } from '../profile/RegionSelect';
import { nextRegionChange } from './region-rules';

/**
 * Region (it picks the local rules for what one sees; once per 30 days) and date of
 * birth (adults-only content needs it). Each saved with its own button: both matter.
 */
export function RegionAgeSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const region = useUpdateMe();
  const birth = useUpdateMe();
  const [country, setCountry] = useState(me.region);
  const [birthDate, setBirthDate] = useState(me.birthDate ?? '');
  const next = nextRegionChange(me.regionChangedAt ?? null, new Date());

  const saveRegion = (event: FormEvent) => {
    event.preventDefault();
    if (country === me.region) return;
    region.mutate({ region: country }, { onSuccess: () => showToast(t('settings.region.saved')) });
  };
  const saveBirth = (event: FormEvent) => {
    event.preventDefault();
    birth.mutate({ birthDate: birthDate || null }, { onSuccess: () => showToast(t('settings.birthDate.saved')) });
  };
  // The server's wait, as a date: clearer than a count of seconds.
  const wait = isApiError(region.error, 'region_change_too_soon') ? region.error.retryAfter : undefined;
  const tooSoon = wait !== undefined;
  const retryDate = tooSoon ? formatDate(new Date(Date.now() + wait * 1000).toISOString(), locale) : '';

  return (
    <section className="settings__section" aria-labelledby="settings-region">
      <h2 id="settings-region" className="settings__heading">
        {t('settings.region.section')}
      </h2>
      <form className="settings__form" onSubmit={saveRegion} noValidate>
        <RegionSelect
          value={country}
          onChange={setCountry}
          label={t('settings.region.label')}
          hint={next ? t('settings.region.nextChange', { date: formatDate(next.toISOString(), locale) }) : t('settings.region.hint')}
          testId="settings-region"
        />
        {region.isError ? (
          <InlineAlert testId="region-error">{tooSoon ? t('settings.region.tooSoon', { date: retryDate }) : errorMessage(t, region.error)}</InlineAlert>
        ) : null}
        <Button type="submit" variant="secondary" disabled={region.isPending || country === me.region} data-testid="settings-region-save">
          {t('settings.region.save')}
        </Button>
      </form>
      <form className="settings__form" onSubmit={saveBirth} noValidate>
        <TextField
          type="date"
          label={t('settings.birthDate.label')}
          value={birthDate}
          max={new Date().toISOString().slice(0, 10)}
          onChange={(event) => setBirthDate(event.target.value)}
          hint={me.adult ? t('settings.birthDate.adult') : me.birthDate ? t('settings.birthDate.minor') : t('settings.birthDate.hint')}
          data-testid="settings-birth-date"
        />
        {birth.isError ? <InlineAlert>{errorMessage(t, birth.error)}</InlineAlert> : null}
        <div className="sheet__actions">
          {me.birthDate ? (
            <Button variant="ghost" disabled={birth.isPending} onClick={() => birth.mutate({ birthDate: null }, { onSuccess: () => setBirthDate('') })}>
              {t('settings.birthDate.clear')}
            </Button>
          ) : null}
          <Button type="submit" variant="secondary" disabled={birth.isPending || birthDate === (me.birthDate ?? '')} data-testid="settings-birth-date-save">
            {t('settings.birthDate.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
