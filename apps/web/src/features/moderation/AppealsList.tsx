import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { formatDateTime } from '../../lib/format-date';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { InboxIcon } from '../../ui/icons';
import { InlineAlert } from '../../ui/InlineAlert';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast-store';
import { decisionText, scopeText } from '../reports/statement-format';
import { StatementDetails } from '../reports/StatementDetails';
import { useAppealsQueue, useDecideAppeal } from './moderation-queries';
import type { AppealQueueItem } from './moderation-types';
import '../../ui/choice-row.css';

/** Open appeals, oldest first; each with the decision it contests and a form to decide it. */
export function AppealsList() {
  const { t } = useTranslation();
  const appeals = useAppealsQueue();
  if (appeals.isPending) return <Skeleton height={240} radius={16} />;
  if (appeals.isError) return <QueryError error={appeals.error} onRetry={() => void appeals.refetch()} />;
  const items = appeals.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState icon={<InboxIcon size={28} />} title={t('moderation.empty.appeals')} body={t('moderation.appealsEmptyBody')} />;
  return (
    <>
      <ol className="console__list" data-testid="appeals">
        {items.map((item) => (
          <AppealCard key={item.appeal.id} item={item} />
        ))}
      </ol>
      <LoadMoreFooter pager={appeals} className="grid-footer" />
    </>
  );
}

function AppealCard({ item }: { item: AppealQueueItem }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const decide = useDecideAppeal();
  const [outcome, setOutcome] = useState<'upheld' | 'rejected' | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<'outcome' | 'reason' | null>(null);
  const groupId = useId();
  const { appeal, statement, actedBy } = item;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return setMissing('outcome');
    if (!reason.trim()) return setMissing('reason');
    setMissing(null);
    decide.mutate({ appealId: appeal.id, outcome, reason: reason.trim() }, { onSuccess: () => showToast(t(`moderation.appealDecided.${outcome}`)) });
  };

  return (
    <li className="case-card" data-testid="appeal-item" data-appeal-id={appeal.id} data-subject-id={statement.subject.id}>
      <h2 className="case-card__title">{t('moderation.appealHeading', { date: formatDateTime(appeal.createdAt, locale) })}</h2>
      <blockquote className="appeal__text" data-testid="appeal-item-text">
        {appeal.text}
      </blockquote>
      <p className="appeal-card__decision" data-testid="appeal-item-decision">
        <strong>{decisionText(t, statement.decision, statement.label, locale)}</strong>
        {' · '}
        {scopeText(t, statement, locale)}
        {statement.subject.title ? ` · ${statement.subject.title}` : ''}
      </p>
      <p className="muted">{t('moderation.actedBy', { name: actedBy ? `@${actedBy.handle}` : t('moderation.automated') })}</p>
      <details className="appeal-card__statement">
        <summary>{t('moderation.appealStatement')}</summary>
        <StatementDetails statement={statement} />
      </details>
      <form className="action-form" onSubmit={submit} noValidate>
        <fieldset className="appeal-card__outcomes">
          <legend className="field__label">{t('moderation.appealOutcome')}</legend>
          {(['upheld', 'rejected'] as const).map((value) => (
            <label key={value} className="choice-row" data-testid={`appeal-outcome-${value}`}>
              <input type="radio" name={`${groupId}-outcome`} checked={outcome === value} onChange={() => setOutcome(value)} />
              <span>{t(`moderation.appealOutcomes.${value}`)}</span>
            </label>
          ))}
          {missing === 'outcome' ? (
            <p className="field__hint field__hint--error" role="alert">
              {t('moderation.fieldRequired')}
            </p>
          ) : null}
        </fieldset>
        <TextField
          multiline
          label={t('moderation.appealReason')}
          value={reason}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
          error={missing === 'reason' ? t('moderation.reasonMissing') : undefined}
          hint={t('moderation.appealReasonHint')}
          data-testid="appeal-decision-reason"
        />
        {decide.isError ? <InlineAlert>{errorMessage(t, decide.error)}</InlineAlert> : null}
        <Button type="submit" disabled={decide.isPending} data-testid="appeal-decide">
          {t('moderation.appealDecide')}
        </Button>
      </form>
    </li>
  );
}
