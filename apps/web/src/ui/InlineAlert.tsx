import type { ReactNode } from 'react';
import './inline-alert.css';

interface InlineAlertProps {
  tone?: 'error' | 'info' | 'success';
  children: ReactNode;
  testId?: string;
}

/** A message inside a form; role=alert for errors so screen readers announce them at once. */
export function InlineAlert({ tone = 'error', children, testId }: InlineAlertProps) {
  return (
    <div className={`inline-alert inline-alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
