import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { SearchIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { Tabs } from '../../ui/Tabs';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import type { SearchType, Suggestion } from './search-queries';
import './search.css';

const TYPES: readonly SearchType[] = ['all', 'notes', 'users', 'topics'];
const isType = (value: string | null): value is SearchType => TYPES.includes(value as SearchType);

/** /search?q=&type= — the query and tab live in the URL, so results survive back and reload. */
export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const typeParam = params.get('type');
  const type: SearchType = isType(typeParam) ? typeParam : 'all';
  useDocumentTitle(q ? t('search.titleFor', { q }) : t('search.title'));

  const search = (next: string, nextType: SearchType = type) => setParams({ q: next, type: nextType });
  const pick = (s: Suggestion) => {
    if (s.type === 'topic') void navigate(`/topics/${encodeURIComponent(s.text)}`);
    else if (s.type === 'user' && s.handle) void navigate(`/u/${s.handle}`);
    else search(s.text);
  };

  return (
    <>
      <PageHeader title={t('search.title')} titleHidden back />
      <div className="search-top">
        <SearchBox initial={q} onSearch={(text) => search(text)} onPick={pick} />
        {q ? (
          <Tabs
            label={t('search.tabsLabel')}
            items={TYPES.map((value) => ({ key: value, label: t(`search.tabs.${value}`), testId: `search-tab-${value}` }))}
            selected={type}
            onSelect={(item) => search(q, item.key)}
            controls="search-panel"
          />
        ) : null}
      </div>
      <div id="search-panel" role={q ? 'tabpanel' : undefined}>
        {q ? (
          <SearchResults key={`${q}:${type}`} q={q} type={type} />
        ) : (
          <EmptyState level={2} icon={<SearchIcon size={28} />} title={t('search.startTitle')} body={t('search.startBody')} />
        )}
      </div>
    </>
  );
}
