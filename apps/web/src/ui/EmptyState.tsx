import type { ReactNode } from 'react';
import './empty-state.css';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  body?: ReactNode;
  /** Heading level that fits where the empty state sits in the page outline. */
  level?: 1 | 2 | 3;
  children?: ReactNode;
}

export function EmptyState({ icon, title, body, level = 2, children }: EmptyStateProps) {
  const Heading = `h${level}` as const;
  return (
    <div className="empty-state">
      {icon ? <div className="empty-state__icon">{icon}</div> : null}
      <Heading className="empty-state__title">{title}</Heading>
      {body ? <p className="empty-state__body">{body}</p> : null}
      {children}
    </div>
  );
}
