import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Menu, type MenuItem } from '../../ui/Menu';
import { showToast } from '../../ui/toast-store';
import { useOpenCaseItem } from '../moderation/use-open-case-item';
import { canModerate, useMe } from '../profile/me-queries';
import { ReportSheet } from '../reports/ReportSheet';
import { useRelationship } from '../social/relationship-queries';
import { NoteLanguageSheet } from '../translation/NoteLanguageSheet';
import { languageName } from '../translation/translation-rules';
import type { NoteView } from './note-types';
import { useDeleteNote } from './notes-queries';

/** "…" on a note: Edit and Delete for its author; Report, Mute and Block the author for everyone else. */
export function NoteMenu({ note }: { note: NoteView }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteNote(note.id);
  const block = useRelationship('block');
  const mute = useRelationship('mute');
  const [confirm, setConfirm] = useState<'delete' | 'block' | null>(null);
  const [pickingLanguage, setPickingLanguage] = useState(false);
  const [reporting, setReporting] = useState(false);
  const openCase = useOpenCaseItem({ type: 'note', id: note.id });
  const moderator = canModerate(useMe().data);
  const name = note.author.displayName || note.author.handle;
  if (!note.viewer) return null;

  const items: MenuItem[] = note.viewer.isAuthor
    ? [
        { label: t('note.edit'), onSelect: () => void navigate(`/notes/${note.id}/edit`), testId: 'note-edit' },
        {
          label: note.language
            ? t('translation.noteLanguage', { language: languageName(note.language, i18n.resolvedLanguage ?? i18n.language) })
            : t('translation.noteLanguageUnknown'),
          onSelect: () => setPickingLanguage(true),
          testId: 'note-language',
        },
        { label: t('note.delete'), onSelect: () => setConfirm('delete'), danger: true, testId: 'note-delete' },
      ]
    : [
        { label: t('report.action.note'), onSelect: () => setReporting(true), danger: true, testId: 'note-report' },
        ...(moderator ? [openCase] : []),
        { label: t('social.muteUser', { name }), onSelect: () => mute.mutate({ handle: note.author.handle, on: true }), testId: 'note-mute' },
        { label: t('social.blockUser', { name }), onSelect: () => setConfirm('block'), danger: true, testId: 'note-block' },
      ];

  const onConfirm = () => {
    if (confirm === 'delete') {
      remove.mutate(undefined, {
        onSuccess: () => {
          showToast(t('note.deleted'));
          void navigate('/', { replace: true });
        },
        onError: (error) => showToast(errorMessage(t, error), 'error'),
      });
    } else if (confirm === 'block') {
      block.mutate({ handle: note.author.handle, on: true });
    }
    setConfirm(null);
  };

  return (
    <>
      <Menu label={t('note.menu')} items={items} testId="note-menu" />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'block' ? t('social.blockConfirmTitle', { name }) : t('note.deleteConfirmTitle')}
        body={confirm === 'block' ? t('social.blockConfirmBody') : t('note.deleteConfirmBody')}
        confirmLabel={confirm === 'block' ? t('social.block') : t('note.delete')}
        onConfirm={onConfirm}
        onCancel={() => setConfirm(null)}
        busy={remove.isPending}
        testId={confirm === 'block' ? 'confirm-block' : 'confirm-delete'}
      />
      {reporting ? <ReportSheet subject={{ type: 'note', id: note.id }} open onClose={() => setReporting(false)} /> : null}
      {note.viewer.isAuthor ? <NoteLanguageSheet note={note} open={pickingLanguage} onClose={() => setPickingLanguage(false)} /> : null}
    </>
  );
}
