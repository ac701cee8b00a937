/** "2026-12" for a date, in UTC (the server's months are UTC months). */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** This month and the `count - 1` before it, newest first. */
export function recentMonths(now: Date, count = 12): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i += 1) months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  return months;
}

/** "December 2026", "2026年12月" for a month key. */
export function monthLabel(month: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** Sums of a rulebook's figures, for its headline numbers. */
export function totals(figures: { reports: Record<string, number>; actions: Record<string, { automated: number; human: number }> }) {
  const reports = Object.values(figures.reports).reduce((sum, n) => sum + n, 0);
  let automated = 0;
  let human = 0;
  for (const value of Object.values(figures.actions)) {
    automated += value.automated;
    human += value.human;
  }
  return { reports, actions: automated + human, automated, human };
}
