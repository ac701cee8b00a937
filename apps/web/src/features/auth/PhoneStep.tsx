import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { isApiError } from '../../lib/api-error';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/error-message';
import { formatPhoneAsYouType, isPlausiblePhone, looksValidPhone, toE164 } from '../../lib/phone';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import { useSendCode } from './auth-queries';
import { CountryPicker } from './CountryPicker';
import type { PendingSignIn } from './pending-sign-in';

interface PhoneStepProps {
  country: CountryCode;
  onCountryChange: (country: CountryCode) => void;
  phone: string;
  onPhoneChange: (phone: string) => void;
  onSent: (pending: PendingSignIn) => void;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

export function PhoneStep({ country, onCountryChange, phone, onPhoneChange, onSent }: PhoneStepProps) {
  const { t, i18n } = useTranslation();
  const sendCode = useSendCode();
  const [touched, setTouched] = useState(false);
  const plausible = isPlausiblePhone(phone, country);
  const maybeInvalid = touched && plausible && !looksValidPhone(phone, country);

  const changePhone = (raw: string) => {
    // Deleting a formatting character (a bracket or dash) would be undone by the
    // formatter; treat it as deleting the digit before it instead.
    let input = raw;
    if (raw.length < phone.length && digitsOf(raw) === digitsOf(phone)) input = digitsOf(raw).slice(0, -1);
    const { text, detectedCountry } = formatPhoneAsYouType(input, country);
    if (detectedCountry && getCountryCallingCode(detectedCountry) !== getCountryCallingCode(country)) {
      onCountryChange(detectedCountry);
    }
    onPhoneChange(text);
  };

  const changeCountry = (next: CountryCode) => {
    onCountryChange(next);
    if (phone && !phone.startsWith('+')) onPhoneChange(formatPhoneAsYouType(digitsOf(phone), next).text);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!plausible || sendCode.isPending) return;
    const e164 = toE164(phone, country);
    sendCode.mutate(
      { phone: e164 ?? digitsOf(phone), country },
      {
        onSuccess: (result) => {
          const now = Date.now();
          onSent({
            phone: result.phone,
            country,
            resendAt: now + result.resendAfterSeconds * 1000,
            expiresAt: now + result.expiresInSeconds * 1000,
          });
        },
        onError: (error) => {
          // A code already went to this number a moment ago: let them type it in.
          if (isApiError(error, 'resend_too_soon') && e164) {
            const now = Date.now();
            onSent({
              phone: e164,
              country,
              resendAt: now + (error.retryAfter ?? 60) * 1000,
              expiresAt: now + 300_000,
              earlierCode: true,
            });
          }
        },
      },
    );
  };

  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <CountryPicker value={country} onChange={changeCountry} />
      <TextField
        label={t('auth.phone')}
        data-testid="phone-input"
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder={t('auth.phonePlaceholder')}
        prefix={phone.startsWith('+') ? undefined : `+${getCountryCallingCode(country)}`}
        value={phone}
        onChange={(event) => changePhone(event.target.value)}
        onBlur={() => setTouched(true)}
        hint={maybeInvalid ? t('auth.phoneMaybeInvalid', { country: countryName(country, language) }) : t('auth.terms')}
      />
      {sendCode.isError ? <InlineAlert testId="phone-error">{errorMessage(t, sendCode.error)}</InlineAlert> : null}
      <Button type="submit" block data-testid="send-code" disabled={!plausible || sendCode.isPending}>
        {sendCode.checking ? t('auth.checkingBrowser') : sendCode.isPending ? t('auth.sending') : t('auth.sendCode')}
      </Button>
    </form>
  );
}
