import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { HomeIcon, SearchIcon, UserIcon } from '../../ui/icons';
import { type FeedSurface, FeedSurfaceContext } from '../recommendations/feed-surface';
import { ExploreTabs, type ExploreSelection } from './ExploreTabs';
import { feedKeys, useFeed } from './feed-queries';
import { NoteGrid } from './NoteGrid';
import './explore.css';

function readSelection(params: URLSearchParams): ExploreSelection {
  const topic = params.get('topic');
  if (topic) return { tab: 'topic', topic };
  return { tab: params.get('tab') === 'following' ? 'following' : 'foryou' };
}

/** Home: the explore grid under a search entry and a tab strip. The tab lives in the URL. */
export function ExplorePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const selection = readSelection(params);
  const feed = useFeed(selection.tab, selection.topic);
  useDocumentTitle(t('explore.title'));
  // A new page view per tab: its cards count as impressions again.
  const surface = useMemo<FeedSurface>(
    () => ({ source: 'explore', seen: new Set(), ...(selection.tab === 'following' ? { fallbackReason: { code: 'following' } } : {}) }),
    [selection.tab, selection.topic],
  );

  const select = (next: ExploreSelection) => {
    const search: Record<string, string> = next.tab === 'topic' && next.topic ? { topic: next.topic } : next.tab === 'following' ? { tab: 'following' } : {};
    setParams(search, { replace: true });
    window.scrollTo({ top: 0 });
  };

  const refresh = () => {
    window.scrollTo({ top: 0, behavior: 'smooth' });
    // Start over from the first page rather than refetching every page loaded so far.
    void queryClient.resetQueries({ queryKey: feedKeys.tab(selection.tab, selection.topic) });
  };

  return (
    <>
      <h1 className="visually-hidden">{t('explore.title')}</h1>
      <div className="explore-bar">
        <Link to="/search" className="explore-bar__search" data-testid="explore-search-entry">
          <SearchIcon size={18} />
          <span>{t('search.placeholder')}</span>
        </Link>
        <ExploreTabs value={selection} onSelect={select} onReselect={refresh} />
      </div>
      <div id="explore-panel" role="tabpanel" aria-label={t('explore.panelLabel')}>
        <FeedSurfaceContext.Provider value={surface}>
          <NoteGrid
            query={feed}
            label={t('explore.gridLabel')}
            renderError={(error) =>
              isApiError(error) && error.status === 401 ? (
                <EmptyState icon={<UserIcon size={28} />} title={t('explore.followingSignInTitle')} body={t('explore.followingSignInBody')}>
                  <ButtonLink to="/login" variant="primary" data-testid="explore-sign-in">
                    {t('auth.signInButton')}
                  </ButtonLink>
                </EmptyState>
              ) : undefined
            }
            empty={
              <EmptyState
                icon={<HomeIcon size={28} />}
                title={t(selection.tab === 'following' ? 'explore.emptyFollowingTitle' : 'explore.emptyTitle')}
                body={t(selection.tab === 'following' ? 'explore.emptyFollowingBody' : 'explore.emptyBody')}
              >
                <ButtonLink to="/post" variant="primary">
                  {t('explore.postFirst')}
                </ButtonLink>
              </EmptyState>
            }
          />
        </FeedSurfaceContext.Provider>
      </div>
    </>
  );
}
