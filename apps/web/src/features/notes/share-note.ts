import type { TFunction } from 'i18next';
import { showToast } from '../../ui/toast-store';

/**
 * Shares a note's link through the system share sheet, or copies it where there is none.
 * Resolves true when the link went somewhere (so callers can count a share).
 */
export async function shareNote(t: TFunction, note: { id: string; title: string }): Promise<boolean> {
  const url = `${window.location.origin}/notes/${note.id}`;
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: note.title || t('app.name'), url });
      return true;
    } catch (error) {
      // The user closed the share sheet: nothing more to do.
      if (error instanceof DOMException && error.name === 'AbortError') return false;
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    showToast(t('note.linkCopied'));
    return true;
  } catch {
    showToast(t('note.linkCopyFailed'), 'error');
    return false;
  }
}
