import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import { EmptyState } from '../../ui/EmptyState';
import { HashIcon, SearchIcon } from '../../ui/icons';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { QueryError } from '../../ui/QueryError';
import { GridSkeleton } from '../feed/GridSkeleton';
import { MasonryGrid } from '../feed/MasonryGrid';
import { NoteGrid } from '../feed/NoteGrid';
import { UserRow } from '../social/UserRow';
import '../social/user-row.css';
import { useSearch, useSearchNotes, type SearchType } from './search-queries';

/** Results for one query and one tab; "All" shows topics and people above the notes. */
export function SearchResults({ q, type }: { q: string; type: SearchType }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const notesOnly = useSearchNotes(type === 'notes' ? q : '');
  const results = useSearch(type === 'notes' ? '' : q, type);
  const empty = <EmptyState level={2} icon={<SearchIcon size={28} />} title={t('search.noResults')} body={t('search.noResultsBody', { q })} />;

  if (type === 'notes') return <NoteGrid query={notesOnly} label={t('search.notesLabel', { q })} empty={empty} itemTestId="search-result-note" />;
  if (results.isPending) return <GridSkeleton />;
  if (results.isError && !results.data) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;

  const pages = results.data.pages;
  const notes = pages.flatMap((page) => page.notes ?? []).filter((note) => note?.cover);
  const users = pages.flatMap((page) => page.users ?? []);
  const topics = pages.flatMap((page) => page.topics ?? []);
  if (notes.length + users.length + topics.length === 0) return empty;

  return (
    <div className="search-results">
      {topics.length > 0 ? (
        <ResultSection kind="topics" headingShown={type === 'all'}>
          <ul className="topic-list">
            {topics.map((topic) => (
              <li key={topic.name}>
                <Link to={`/topics/${encodeURIComponent(topic.name)}`} className="topic-list__item" data-testid="search-result-topic">
                  <span className="topic-list__icon" aria-hidden="true">
                    <HashIcon size={18} />
                  </span>
                  <span className="topic-list__name">#{topic.name}</span>
                  <span className="topic-list__stats">{t('topic.views', { count: topic.views, formatted: formatCount(topic.views, locale) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </ResultSection>
      ) : null}
      {users.length > 0 ? (
        <ResultSection kind="users" headingShown={type === 'all'}>
          <ul className="user-list">
            {users.map((user) => (
              <UserRow key={user.id} user={user} testId="search-result-user" />
            ))}
          </ul>
        </ResultSection>
      ) : null}
      {notes.length > 0 ? (
        <ResultSection kind="notes" headingShown={type === 'all'} testId="search-result-notes">
          <MasonryGrid notes={notes} busy={results.isFetching} label={t('search.notesLabel', { q })} itemTestId="search-result-note" />
        </ResultSection>
      ) : null}
      <LoadMoreFooter pager={results} className="grid-footer" />
    </div>
  );
}

interface ResultSectionProps {
  kind: 'topics' | 'users' | 'notes';
  /** Under "All" the kinds need visible headings; under their own tab the tab says it. */
  headingShown: boolean;
  testId?: string;
  children: ReactNode;
}

function ResultSection({ kind, headingShown, testId, children }: ResultSectionProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`search-${kind}`} data-testid={testId}>
      <h2 id={`search-${kind}`} className={headingShown ? 'search-results__heading' : 'visually-hidden'}>
        {t(`search.tabs.${kind}`)}
      </h2>
      {children}
    </section>
  );
}
