import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeader } from '../../ui/PageHeader';
import { Tabs } from '../../ui/Tabs';
import { SignInFlow } from '../auth/SignInFlow';
import { useCreateNote } from '../notes/notes-queries';
import { useMe } from '../profile/me-queries';
import { MeSkeleton } from '../profile/MeSkeleton';
import type { NoteView } from '../notes/note-types';
import { ComposerForm } from './ComposerForm';
import { VideoComposerForm } from './VideoComposerForm';

type ComposerMode = 'photo' | 'video';

/** The + tab: post a new photo or video note (sign in first when signed out). */
export function ComposerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateNote();
  const [mode, setMode] = useState<ComposerMode>('photo');
  const published = (note: NoteView) => void navigate(`/notes/${note.id}`, { replace: true });
  useDocumentTitle(t('composer.pageTitle'));

  let body;
  if (me.isPending) body = <MeSkeleton />;
  else if (!me.data) {
    body = (
      <>
        <p className="composer__signin muted">{t('composer.signIn')}</p>
        <SignInFlow />
      </>
    );
  } else {
    const modes = [
      { key: 'photo', label: t('composer.mode.photo'), testId: 'composer-mode-photo', id: 'composer-mode-photo' },
      { key: 'video', label: t('composer.mode.video'), testId: 'composer-mode-video', id: 'composer-mode-video' },
    ] as const;
    body = (
      <>
        <Tabs
          label={t('composer.mode.label')}
          items={modes}
          selected={mode}
          onSelect={(item) => {
            // A half-written note of the other kind would not fit: start the new kind clean.
            create.reset();
            setMode(item.key);
          }}
          controls="composer-panel"
          keyboard="arrows"
          centered
        />
        <div id="composer-panel" role="tabpanel" aria-labelledby={`composer-mode-${mode}`}>
          {mode === 'photo' ? (
            <ComposerForm
              submitLabel={t('composer.publish')}
              busyLabel={t('composer.publishing')}
              busy={create.isPending}
              error={create.error}
              onSubmit={(input) => create.mutate(input, { onSuccess: published })}
            />
          ) : (
            <VideoComposerForm busy={create.isPending} error={create.error} onSubmit={(input) => create.mutate(input, { onSuccess: published })} />
          )}
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('composer.pageTitle')} back backTo="/" />
      {body}
    </>
  );
}
