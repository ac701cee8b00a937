import type { QueryClient, QueryKey } from '@tanstack/react-query';

type Snapshot = [QueryKey, unknown][];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const sameHandle = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** A user summary, profile or note whose author is `handle`, with the follow state applied. */
function patchValue(value: unknown, handle: string, following: boolean, followers?: number): unknown {
  if (Array.isArray(value)) {
    const next = value.map((item) => patchValue(item, handle, following, followers));
    return next.every((item, i) => item === value[i]) ? value : next;
  }
  if (!isObject(value)) return value;
  // A note: its viewer says whether I follow the author.
  if (('images' in value || 'video' in value) && isObject(value.author) && sameHandle(value.author.handle, handle)) {
    const viewer = value.viewer;
    return isObject(viewer) ? { ...value, viewer: { ...viewer, followingAuthor: following } } : value;
  }
  // A user (summary or full profile).
  if ('handle' in value && 'id' in value && sameHandle(value.handle, handle)) {
    const viewer = isObject(value.viewer) ? value.viewer : {};
    const next: Json = { ...value, viewer: { ...viewer, following } };
    const stats = value.stats;
    if (isObject(stats) && typeof stats.followers === 'number') {
      const was = viewer.following === true;
      const count = followers ?? Math.max(0, stats.followers + (following === was ? 0 : following ? 1 : -1));
      next.stats = { ...stats, followers: count };
    }
    return next;
  }
  // Containers: infinite pages, pages of items, search results.
  let changed = false;
  const next: Json = { ...value };
  for (const key of ['pages', 'items', 'users'] as const) {
    if (Array.isArray(value[key])) {
      const patched = patchValue(value[key], handle, following, followers);
      if (patched !== value[key]) {
        next[key] = patched;
        changed = true;
      }
    }
  }
  return changed ? next : value;
}

/** Shows a follow (or unfollow) everywhere the user appears; returns the old values to roll back. */
export function setFollowEverywhere(queryClient: QueryClient, handle: string, following: boolean, followers?: number): Snapshot {
  const snapshot: Snapshot = [];
  for (const query of queryClient.getQueryCache().getAll()) {
    const before = query.state.data;
    if (before === undefined) continue;
    const after = patchValue(before, handle, following, followers);
    if (after !== before) {
      snapshot.push([query.queryKey, before]);
      queryClient.setQueryData(query.queryKey, after);
    }
  }
  return snapshot;
}
