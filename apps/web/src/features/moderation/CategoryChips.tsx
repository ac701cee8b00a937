import { useTranslation } from 'react-i18next';
import { labelTitle } from './label-names';

/** What reporters said, most often first: "Gambling ×3", "Illegal ×1". */
export function CategoryChips({ categories }: { categories: Record<string, number> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const entries = Object.entries(categories).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <ul className="category-chips" aria-label={t('moderation.categoriesLabel')}>
      {entries.map(([category, count]) => (
        <li key={category} className="category-chips__chip" data-testid="category-chip" data-category={category}>
          {labelTitle(t, category, locale)}
          <span className="category-chips__count">×{count}</span>
        </li>
      ))}
    </ul>
  );
}
