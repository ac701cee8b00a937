/** The server lets the region change once per this many days (it picks the rulebook). */
export const REGION_CHANGE_DAYS = 30;

/** When the region may change again, or null when it may now. */
export function nextRegionChange(changedAt: string | null, now: Date): Date | null {
  if (!changedAt) return null;
  const at = Date.parse(changedAt);
  if (Number.isNaN(at)) return null;
  const next = at + REGION_CHANGE_DAYS * 86_400_000;
  return next > now.getTime() ? new Date(next) : null;
}
