import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { formatInternational } from '../../lib/phone';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import { useRevealPhone, useStaffPhone } from './privacy-queries';

const REASON_MIN = 5;
const REASON_MAX = 500;

/**
 * An account's phone number for moderators: masked, and revealed only with a reason
 * that the person will read in their privacy centre.
 */
export function StaffPhoneReveal({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const masked = useStaffPhone(userId);
  const reveal = useRevealPhone(userId);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const revealed = reveal.data?.phone;
  const valid = reason.trim().length >= REASON_MIN && reason.trim().length <= REASON_MAX;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) reveal.mutate(reason.trim());
  };

  if (masked.isPending) return <span className="muted">…</span>;
  if (masked.isError) return <span className="muted">{errorMessage(t, masked.error)}</span>;
  if (!masked.data.masked) return <span className="muted">{t('privacy.reveal.noPhone')}</span>;
  return (
    <div className="staff-phone">
      <span data-testid="staff-phone">{revealed ? formatInternational(revealed) : masked.data.masked}</span>
      {revealed ? null : asking ? (
        <form className="staff-phone__form" onSubmit={submit}>
          <TextField
            label={t('privacy.reveal.reasonLabel')}
            hint={t('privacy.reveal.reasonHint')}
            value={reason}
            maxLength={REASON_MAX}
            onChange={(event) => setReason(event.target.value)}
            data-testid="reveal-reason"
          />
          {reveal.isError ? <InlineAlert>{errorMessage(t, reveal.error)}</InlineAlert> : null}
          <Button type="submit" size="small" disabled={!valid || reveal.isPending} data-testid="reveal-submit">
            {t('privacy.reveal.submit')}
          </Button>
        </form>
      ) : (
        <Button variant="link" size="small" onClick={() => setAsking(true)} data-testid="reveal-phone">
          {t('privacy.reveal.button')}
        </Button>
      )}
    </div>
  );
}
