import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type pg from 'pg';

// Hot read queries (the viewer context, a page's viewer facts, the Following
// merge) cost PostgreSQL more to plan than to run: 0.2 to 1.5 ms of planning
// for 0.03 ms of execution, five times the round trip of a `select 1`. Marked
// queries run as named prepared statements, planned once per connection.
// Only marked ones: statement names live on each connection, so the texts
// must be few (no IN lists whose length varies; pass arrays with `= any($1)`),
// and they name their columns (a prepared `select *` fails once a migration
// elsewhere adds a column).
// A pooler in front of PostgreSQL must keep prepared statements (PgBouncer
// 1.21+ with max_prepared_statements); DB_PREPARED_STATEMENTS=false turns this off.

const MARK = '/* prepared */ ';

/** Put first in a `sql` template, or `.modifyFront(PREPARED)` on a select: the query runs as a prepared statement (when enabled). */
export const PREPARED: RawBuilder<unknown> = sql.raw(MARK);

const isMarked = (text: string) => text.startsWith(MARK) || text.startsWith(`select ${MARK}`);

/** Makes the pool's clients run marked queries as named prepared statements, named by a hash of their text. */
export function prepareMarkedQueries(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      if (names.size < 1_000) names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // Kysely calls client.query(text, values); anything else passes through untouched.
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (typeof text === 'string' && isMarked(text) && (values === undefined || Array.isArray(values)) && args.length <= 2) {
        return query({ name: nameOf(text), text, values });
      }
      return query(...args);
    };
  });
}
