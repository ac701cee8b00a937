import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ChipToggleGroup } from '../../ui/ChipToggleGroup';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { InlineAlert } from '../../ui/InlineAlert';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast-store';
import { useModerationPolicy } from '../moderation/moderation-queries';
import { rulebookName } from '../moderation/rulebook-names';
import { CONTENT_LANGUAGES, languageName } from '../translation/translation-rules';
import { AdminSection } from './AdminSection';
import { type ModeratorEntry, useModerators, useRevokeModerator, useSetModerator } from './moderators-admin-queries';

/** Who moderates, and which rulebooks and content languages each one covers (none chosen: all). */
export function ModeratorsSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const moderators = useModerators();
  const revoke = useRevokeModerator();
  const [editing, setEditing] = useState<ModeratorEntry | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const scope = (values: string[] | null, name: (value: string) => string) => (values ? values.map(name).join(', ') : t('admin.moderators.all'));

  let list;
  if (moderators.isPending) list = <Skeleton height={64} radius={12} />;
  else if (moderators.isError) list = <QueryError error={moderators.error} onRetry={() => void moderators.refetch()} />;
  else if (moderators.data.items.length === 0) list = <p className="muted">{t('admin.moderators.none')}</p>;
  else {
    list = (
      <ul className="admin__providers" data-testid="moderators-list">
        {moderators.data.items.map((entry) => (
          <li key={entry.handle} className="admin__provider" data-testid="moderator-row" data-handle={entry.handle}>
            <div className="admin__provider-head">
              <span className="admin__provider-name">
                {entry.displayName || entry.handle} <span className="muted">@{entry.handle}</span>
              </span>
              <Badge tone={entry.role === 'admin' ? 'info' : 'neutral'}>{t(`admin.moderators.role.${entry.role}`, { defaultValue: entry.role })}</Badge>
            </div>
            <p className="muted admin__meta">
              {t('admin.moderators.rulebooks')}: {scope(entry.rulebooks, (name) => rulebookName(t, name, locale))}
            </p>
            <p className="muted admin__meta">
              {t('admin.moderators.languages')}: {scope(entry.languages, (code) => languageName(code, locale))}
            </p>
            {entry.role === 'moderator' ? (
              <div className="sheet__actions">
                <Button variant="ghost" size="small" onClick={() => setEditing(entry)}>
                  {t('admin.moderators.edit')}
                </Button>
                <Button variant="ghost" size="small" className="admin__danger-text" onClick={() => setRevoking(entry.handle)}>
                  {t('admin.moderators.revoke')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <AdminSection id="admin-moderators" heading={t('admin.moderators.heading')}>
      <p className="muted">{t('admin.moderators.hint')}</p>
      {list}
      <ModeratorForm key={editing?.handle ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin.moderators.revokeTitle', { handle: revoking ?? '' })}
        body={t('admin.moderators.revokeBody')}
        confirmLabel={t('admin.moderators.revoke')}
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          const handle = revoking;
          setRevoking(null);
          if (handle) revoke.mutate(handle, { onError: (error) => showToast(errorMessage(t, error), 'error') });
        }}
      />
    </AdminSection>
  );
}

function ModeratorForm({ editing, onDone }: { editing: ModeratorEntry | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const policy = useModerationPolicy();
  const save = useSetModerator();
  const [handle, setHandle] = useState(editing?.handle ?? '');
  const [rulebooks, setRulebooks] = useState<string[]>(editing?.rulebooks ?? []);
  const [languages, setLanguages] = useState<string[]>(editing?.languages ?? []);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = handle.trim().replace(/^@/, '');
    if (!name) return setMissing(true);
    setMissing(false);
    save.mutate(
      { handle: name, rulebooks: rulebooks.length ? rulebooks : null, languages: languages.length ? languages : null },
      {
        onSuccess: () => {
          showToast(t('admin.moderators.saved', { handle: name }));
          setHandle('');
          setRulebooks([]);
          setLanguages([]);
          onDone();
        },
      },
    );
  };

  return (
    <form className="admin__setup" onSubmit={submit} noValidate data-testid="moderator-form">
      <h3 className="admin__subheading">{editing ? t('admin.moderators.editTitle', { handle: editing.handle }) : t('admin.moderators.addTitle')}</h3>
      {editing ? null : (
        <TextField
          label={t('admin.moderators.handle')}
          value={handle}
          prefix="@"
          autoCapitalize="none"
          onChange={(event) => setHandle(event.target.value)}
          error={missing ? t('admin.moderators.handleMissing') : undefined}
          data-testid="moderator-handle"
        />
      )}
      <ChipToggleGroup
        legend={t('admin.moderators.rulebooks')}
        hint={t('admin.moderators.scopeHint')}
        options={(policy.data?.rulebooks ?? []).map((book) => ({ value: book.name, label: rulebookName(t, book.name, locale) }))}
        selected={rulebooks}
        onChange={setRulebooks}
        testId="moderator-rulebooks"
      />
      <ChipToggleGroup
        legend={t('admin.moderators.languages')}
        hint={t('admin.moderators.scopeHint')}
        options={CONTENT_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
        selected={languages}
        onChange={setLanguages}
        testId="moderator-languages"
      />
      {save.isError ? <InlineAlert>{errorMessage(t, save.error)}</InlineAlert> : null}
      <div className="sheet__actions">
        {editing ? (
          <Button variant="ghost" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" disabled={save.isPending} data-testid="moderator-save">
          {editing ? t('admin.moderators.save') : t('admin.moderators.grant')}
        </Button>
      </div>
    </form>
  );
}
