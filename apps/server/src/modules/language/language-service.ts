import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { lockLiveNote } from '../notes/notes-queries.js';
import { findLiveComment } from '../social/comments-queries.js';
import { findLiveNote } from '../social/note-access.js';
import { contentLanguageInvalid, isContentLanguage } from './content-languages.js';
import { detectedColumns, noteText } from './language-columns.js';
import { setCommentLanguage, setNoteLanguage } from './language-queries.js';

// Authors correct what the detector got wrong (or could not tell). A language
// the author set is theirs: editing the note keeps it. Null hands the choice
// back to the detector, which reads the current text again at once.

function checkLanguage(language: string | null): void {
  if (language !== null && !isContentLanguage(language)) throw contentLanguageInvalid(language);
}

export class LanguageService {
  constructor(
    private readonly db: Db,
    /** Called after a note's language changed, so cached views forget it. */
    private readonly afterNoteChange: (noteId: string) => void = () => {},
  ) {}

  async setNoteLanguage(author: UserRow, noteId: string, language: string | null): Promise<void> {
    checkLanguage(language);
    await this.db.transaction().execute(async (trx) => {
      const note = await lockLiveNote(trx, noteId);
      if (!note) throw notFound('note_not_found', 'This note is not available.');
      if (note.author_id !== author.id) throw forbidden('Only the author can change this note.');
      await setNoteLanguage(
        trx,
        noteId,
        language === null
          ? { ...detectedColumns(noteText(note.title, note.body)), language_source: 'detected' }
          : { language, language_confidence: null, language_source: 'author' },
      );
    });
    this.afterNoteChange(noteId);
  }

  /** Comments are not edited, so a comment's language needs no "chosen by the author" flag. */
  async setCommentLanguage(authorId: string, commentId: string, language: string | null): Promise<{ id: string; language: string | null }> {
    checkLanguage(language);
    const comment = await findLiveComment(this.db, commentId);
    const note = comment && (await findLiveNote(this.db, comment.note_id));
    if (!comment || !note) throw notFound('comment_not_found', 'This comment does not exist or was deleted.');
    if (comment.author_id !== authorId) throw forbidden('Only its author can change this comment.');
    const columns = language === null ? detectedColumns(comment.body) : { language, language_confidence: null };
    await setCommentLanguage(this.db, commentId, columns);
    return { id: commentId, language: columns.language };
  }
}
