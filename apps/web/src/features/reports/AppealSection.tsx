import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format-date';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import type { Statement } from './report-types';
import { appealState } from './statement-format';
import { useAppeal } from './statements-queries';
import './statement.css';

const APPEAL_MAX = 2000;

/** The appeal: a form while the window is open, else where the appeal stands. */
export function AppealSection({ statement }: { statement: Statement }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const appeal = useAppeal(statement.id);
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const state = appealState(statement, new Date());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setEmpty(true);
    setEmpty(false);
    appeal.mutate(text.trim());
  };

  let content;
  if (state.kind === 'appealed' && statement.appeal) {
    const tone = state.status === 'upheld' ? 'success' : state.status === 'rejected' ? 'neutral' : 'info';
    content = (
      <div className="appeal__status" data-testid="appeal-status" data-status={state.status}>
        <p>
          <Badge tone={tone}>{t(`appeal.status.${state.status}`)}</Badge>
        </p>
        <p className="muted">{t(`appeal.statusHint.${state.status}`)}</p>
        <blockquote className="appeal__text">{statement.appeal.text}</blockquote>
        <p className="muted appeal__meta">{t('appeal.sentOn', { date: formatDate(statement.appeal.createdAt, locale) })}</p>
        {statement.appeal.reason ? (
          <p data-testid="appeal-reason">
            <strong>{t('appeal.reasonLabel')}</strong> {statement.appeal.reason}
          </p>
        ) : null}
      </div>
    );
  } else if (state.kind === 'reversed' || state.kind === 'appealed') {
    content = <InlineAlert tone="success">{t('appeal.reversed')}</InlineAlert>;
  } else if (state.kind === 'window-closed') {
    content = <InlineAlert tone="info">{t('appeal.windowClosed')}</InlineAlert>;
  } else {
    content = (
      <form className="appeal__form" onSubmit={submit} noValidate>
        <p className="muted">{t('appeal.hint', { count: state.daysLeft })}</p>
        <TextField
          multiline
          label={t('appeal.textLabel')}
          value={text}
          maxLength={APPEAL_MAX}
          rows={4}
          onChange={(event) => setText(event.target.value)}
          error={empty ? t('appeal.textMissing') : undefined}
          hint={t('report.detailsCount', { count: [...text].length, max: APPEAL_MAX })}
          data-testid="appeal-text"
        />
        {appeal.isError ? <InlineAlert>{errorMessage(t, appeal.error)}</InlineAlert> : null}
        <Button type="submit" disabled={appeal.isPending} data-testid="appeal-submit">
          {appeal.isPending ? t('appeal.sending') : t('appeal.send')}
        </Button>
      </form>
    );
  }
  return (
    <section className="settings__section appeal" aria-labelledby="appeal-heading">
      <h2 id="appeal-heading" className="settings__heading">
        {t('appeal.heading')}
      </h2>
      {content}
    </section>
  );
}
