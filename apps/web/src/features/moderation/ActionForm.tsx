import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { ChipToggleGroup } from '../../ui/ChipToggleGroup';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { InlineAlert } from '../../ui/InlineAlert';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast-store';
import { useMe } from '../profile/me-queries';
import { ruleText } from '../reports/statement-format';
import {
  type ActionDraft,
  actionsFor,
  buildAction,
  type DraftField,
  durationParts,
  fieldsFor,
  REASON_MAX,
  SUSPENSION_PRESETS,
  suggestedRule,
} from './action-form';
import { labelTitle } from './label-names';
import { useActOnCase, useModerationPolicy } from './moderation-queries';
import type { ActionInput, ActionName, CaseDetail } from './moderation-types';
import { rulebookName } from './rulebook-names';

/** The decision: what to do, where, under which rule and why; confirmed before it is sent. */
export function ActionForm({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const navigate = useNavigate();
  const me = useMe().data;
  const policy = useModerationPolicy();
  const act = useActOnCase(detail.id);
  const [draft, setDraft] = useState<ActionDraft>({ action: '', label: '', rulebooks: [], rule: '', reason: '', durationHours: '72' });
  const [errors, setErrors] = useState<Partial<Record<DraftField, true>>>({});
  const [pending, setPending] = useState<ActionInput | null>(null);
  const claimedByOther = detail.claimedBy !== null && detail.claimedBy.id !== me?.id;
  const rules = policy.data?.rules ?? [];
  const fields = fieldsFor(draft.action);
  const set = (patch: Partial<ActionDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const chooseAction = (action: ActionName | '') => {
    // Start from the rule the reports point at; a rule already chosen stays.
    set({ action, rule: draft.rule || suggestedRule(rules, draft.label, detail.categories) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildAction(draft);
    setErrors(built.errors ?? {});
    if (built.input) setPending(built.input);
  };
  const confirm = () => {
    if (!pending) return;
    act.mutate(pending, {
      onSuccess: () => {
        setPending(null);
        showToast(t('moderation.decided'));
        void navigate(detail.kind === 'held' ? '/moderation?tab=held' : '/moderation', { replace: true });
      },
      onError: () => setPending(null),
    });
  };

  const actionName = (action: string) => t(`moderation.action.${action}`);
  const durationLabel = (hours: number) => {
    const { unit, count } = durationParts(hours);
    return t(`moderation.duration.${unit}`, { count });
  };

  return (
    <section className="case-card" aria-labelledby="case-action-heading">
      <h2 id="case-action-heading" className="case-card__title">
        {t('moderation.decideHeading')}
      </h2>
      {claimedByOther ? <InlineAlert tone="info">{t('moderation.claimedByOtherHint')}</InlineAlert> : null}
      {policy.isError ? <InlineAlert>{errorMessage(t, policy.error)}</InlineAlert> : null}
      <form className="action-form" onSubmit={submit} noValidate data-testid="action-form">
        <SelectField
          label={t('moderation.actionLabel')}
          value={draft.action}
          onChange={(event) => chooseAction(event.target.value as ActionName | '')}
          error={errors.action ? t('moderation.fieldRequired') : undefined}
          hint={draft.action ? t(`moderation.actionHint.${draft.action}`) : undefined}
          data-testid="action-select"
        >
          <option value="">{t('moderation.choose')}</option>
          {actionsFor(detail.subject.type, detail.kind).map((action) => (
            <option key={action} value={action}>
              {actionName(action)}
            </option>
          ))}
        </SelectField>
        {fields.label ? (
          <SelectField
            label={t('moderation.labelLabel')}
            value={draft.label}
            onChange={(event) => set({ label: event.target.value, rule: suggestedRule(rules, event.target.value, detail.categories) || draft.rule })}
            error={errors.label ? t('moderation.fieldRequired') : undefined}
            data-testid="action-label"
          >
            <option value="">{t('moderation.choose')}</option>
            {(policy.data?.labels ?? []).map((label) => (
              <option key={label} value={label}>
                {labelTitle(t, label, locale)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {fields.rulebooks ? (
          <ChipToggleGroup
            legend={t(fields.rulebooks === 'required' ? 'moderation.rulebooksRequired' : 'moderation.rulebooksOptional')}
            hint={t(fields.rulebooks === 'required' ? 'moderation.rulebooksRequiredHint' : 'moderation.rulebooksOptionalHint')}
            error={errors.rulebooks ? t('moderation.rulebooksMissing') : undefined}
            options={(policy.data?.rulebooks ?? []).map((book) => ({
              value: book.name,
              label: rulebookName(t, book.name, locale),
              title: book.countries.join(', ') || t('rulebooks.default'),
            }))}
            selected={draft.rulebooks}
            onChange={(rulebooks) => set({ rulebooks })}
            testId="action-rulebooks"
          />
        ) : null}
        {fields.duration ? (
          <SelectField
            label={t('moderation.durationLabel')}
            value={draft.durationHours}
            onChange={(event) => set({ durationHours: event.target.value })}
            error={errors.durationHours ? t('moderation.fieldRequired') : undefined}
            data-testid="action-duration"
          >
            {SUSPENSION_PRESETS.map((hours) => (
              <option key={hours} value={String(hours)}>
                {durationLabel(hours)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label={t('moderation.ruleLabel')}
          value={draft.rule}
          onChange={(event) => set({ rule: event.target.value })}
          error={errors.rule ? t('moderation.fieldRequired') : undefined}
          hint={draft.rule ? draft.rule : undefined}
          data-testid="action-rule"
        >
          <option value="">{t('moderation.choose')}</option>
          {rules.map((rule) => (
            <option key={rule} value={rule}>
              {ruleText(t, rule, locale)}
            </option>
          ))}
        </SelectField>
        <TextField
          multiline
          label={t('moderation.reasonLabel')}
          value={draft.reason}
          rows={4}
          maxLength={REASON_MAX}
          onChange={(event) => set({ reason: event.target.value })}
          error={errors.reason ? t('moderation.reasonMissing') : undefined}
          hint={t('moderation.reasonHint')}
          data-testid="action-reason"
        />
        {act.isError ? <InlineAlert>{errorMessage(t, act.error)}</InlineAlert> : null}
        <Button type="submit" block disabled={claimedByOther || act.isPending || policy.isPending} data-testid="action-submit">
          {t('moderation.review')}
        </Button>
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t('moderation.confirmTitle', { action: actionName(pending.action) }) : ''}
        body={pending ? confirmBody(pending) : ''}
        confirmLabel={t('moderation.confirm')}
        busy={act.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        testId="action-confirm"
      />
    </section>
  );

  function confirmBody(input: ActionInput): string {
    const parts = [
      input.label ? labelTitle(t, input.label, locale) : null,
      input.rulebooks?.length ? input.rulebooks.map((name) => rulebookName(t, name, locale)).join(', ') : fields.rulebooks ? t('rulebooks.everywhere') : null,
      input.durationHours ? durationLabel(input.durationHours) : null,
      ruleText(t, input.rule, locale),
    ].filter(Boolean);
    const notice = input.action === 'approve' || input.action === 'dismiss' ? t('moderation.confirmNoStatement') : t('moderation.confirmStatement');
    return `${parts.join(' · ')}. ${notice}`;
  }
}
