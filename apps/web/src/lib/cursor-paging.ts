/** Options shared by every keyset-paginated list: start without a cursor, stop at null. */
export const cursorPaging = {
  initialPageParam: null as string | null,
  getNextPageParam: (last: { cursor: string | null }) => last.cursor ?? undefined,
};

/** A path with its query parameters, leaving out the empty ones (and the first page's cursor). */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
