import { Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { NoteSkeleton } from '../notes/NoteSkeleton';
import { NoteUnavailable } from '../notes/NoteUnavailable';
import { useNote, useUpdateNote } from '../notes/notes-queries';
import { isApiError } from '../../lib/api-error';
import { ComposerForm } from './ComposerForm';
import { fromPublished } from './use-composer-images';

/** /notes/:id/edit — the author changes photos, text or place. */
export function EditNotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const note = useNote(id);
  const update = useUpdateNote(id);
  useDocumentTitle(t('composer.editTitle'));

  if (note.isPending) return <NoteSkeleton />;
  if (note.isError) {
    return isApiError(note.error) && note.error.status === 404 ? <NoteUnavailable /> : <QueryError error={note.error} onRetry={() => void note.refetch()} />;
  }
  if (!note.data.viewer?.isAuthor) return <Navigate to={`/notes/${id}`} replace />;
  const data = note.data;
  return (
    <>
      <PageHeader title={t('composer.editTitle')} back backTo={`/notes/${id}`} />
      <ComposerForm
        initial={{ title: data.title, body: data.body, place: data.place ?? '', images: fromPublished(data.images) }}
        submitLabel={t('composer.save')}
        busyLabel={t('composer.saving')}
        busy={update.isPending}
        error={update.error}
        onSubmit={(input) => update.mutate(input, { onSuccess: () => void navigate(`/notes/${id}`, { replace: true }) })}
      />
    </>
  );
}
