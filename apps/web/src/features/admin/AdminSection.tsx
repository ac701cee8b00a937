import type { ReactNode } from 'react';

/** One titled card on the admin page, laid out like a Settings section. */
export function AdminSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="settings__section" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="settings__heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}
