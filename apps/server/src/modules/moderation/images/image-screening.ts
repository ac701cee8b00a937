import type { Db } from '../../../db/database.js';
import type { MediaStorage } from '../../media/media-storage.js';
import type { ActionsService } from '../actions-service.js';
import { subjectFacts } from '../subjects.js';
import type { ImageClassifier } from './image-classifier.js';

// Every uploaded image is classified by a background job (`screen-image`),
// off the upload's request path. What the classifier finds is kept on the
// image; a note that uses it gets those labels, whichever comes first: the job
// finishing after the note was posted (labelled here), or the note posted
// after the job (labelled by the content gate from the image's labels).

/** The variant sent to the classifier: big enough to judge, small enough to send. */
const CLASSIFY_WIDTH = 720;

export class ImageScreening {
  constructor(
    private readonly db: Db,
    private readonly storage: MediaStorage,
    private readonly classifier: ImageClassifier | null,
    private readonly actions: ActionsService,
  ) {}

  get enabled(): boolean {
    return this.classifier !== null;
  }

  async screen(imageId: string, now: Date): Promise<string[]> {
    if (!this.classifier) return [];
    const image = await this.db.selectFrom('images').selectAll().where('id', '=', imageId).executeTakeFirst();
    // Deleted before its turn, or done already (a retried job): nothing to do.
    if (!image || image.screened_at) return image?.labels ?? [];
    const variants = [...image.variants].sort((a, b) => a.width - b.width);
    const variant = variants.find((entry) => entry.width >= CLASSIFY_WIDTH) ?? variants.at(-1)!;
    const verdict = await this.classifier.classify(await this.storage.get(variant.key), 'image/webp');
    const noteId = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('images')
        .set({ labels: verdict.labels, screened_at: now })
        .where('id', '=', imageId)
        .where('screened_at', 'is', null)
        .returning('note_id')
        .executeTakeFirst();
      if (!row?.note_id || verdict.labels.length === 0) return null;
      await labelNote(
        trx,
        this.actions,
        row.note_id,
        verdict.labels,
        `The image classifier (${this.classifier!.name}) rated an image: ${verdict.detail}.`,
        now,
      );
      return row.note_id;
    });
    if (noteId) this.actions.changed({ subject_type: 'note', subject_id: noteId, owner_id: image.owner_id });
    return verdict.labels;
  }
}

/** Labels a note with what its images were found to show (automated, with a statement to the author). */
export async function labelNote(trx: Db, actions: ActionsService, noteId: string, labels: readonly string[], reason: string, now: Date): Promise<void> {
  const facts = await subjectFacts(trx, { type: 'note', id: noteId });
  if (!facts) return;
  const within = actions.within(trx);
  for (const label of new Set(labels)) {
    if (facts.labels.includes(label)) continue;
    await within.apply(
      facts,
      { action: 'label', label, rulebooks: null, rule: `community-guidelines/${label}`, reason },
      { moderatorId: null, admin: false },
      null,
      now,
    );
  }
}
