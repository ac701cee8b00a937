import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { HomeIcon, MessageIcon, PlusIcon, VideoIcon } from '../../ui/icons';
import './coming-soon.css';

export type ComingSoonSection = 'home' | 'video' | 'post' | 'messages';

const ICONS = { home: HomeIcon, video: VideoIcon, post: PlusIcon, messages: MessageIcon } as const;

/** An honest placeholder for a tab that is not built yet: says what will be here, offers nothing to click. */
export function ComingSoonPage({ section }: { section: ComingSoonSection }) {
  const { t } = useTranslation();
  const title = t(`comingSoon.${section}.title`);
  useDocumentTitle(title);
  const Icon = ICONS[section];
  return (
    <div className="coming-soon" data-testid={`coming-soon-${section}`}>
      <EmptyState level={1} icon={<Icon size={32} />} title={title} body={t(`comingSoon.${section}.body`)}>
        <span className="coming-soon__badge">{t('comingSoon.badge')}</span>
      </EmptyState>
    </div>
  );
}
