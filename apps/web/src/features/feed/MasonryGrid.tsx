import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteCard } from '../notes/note-types';
import { assignColumns, coverRatio } from './masonry';
import { NoteCardItem } from './NoteCardItem';
import './feed.css';

interface MasonryGridProps {
  notes: NoteCard[];
  busy: boolean;
  label: string;
  /** Extra test id on a wrapper around each card (e.g. search results), next to note-card. */
  itemTestId?: string;
}

/**
 * Two columns of cards, each card in the shorter column, as an ARIA feed: every card
 * carries its rank (aria-posinset) so assistive tech reads the grid in rank order.
 */
export function MasonryGrid({ notes, busy, label, itemTestId }: MasonryGridProps) {
  const { t } = useTranslation();
  const indexed = useMemo(() => notes.map((note, index) => ({ note, index })), [notes]);
  const columns = useMemo(() => assignColumns(indexed, ({ note }) => coverRatio(note.cover.width, note.cover.height)), [indexed]);
  return (
    <div className="masonry" role="feed" aria-busy={busy} aria-label={label || t('feed.gridLabel')}>
      {columns.map((column, c) => (
        <div key={c} className="masonry__column">
          {column.map(({ note, index }) => {
            const card = <NoteCardItem key={note.id} note={note} position={index + 1} setSize={-1} eager={index < 4} />;
            return itemTestId ? (
              <div key={note.id} data-testid={itemTestId} data-note-id={note.id}>
                {card}
              </div>
            ) : (
              card
            );
          })}
        </div>
      ))}
    </div>
  );
}
