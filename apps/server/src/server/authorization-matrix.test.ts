import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRow, MATRIX_FILE, readMatrix, type Row, writeMatrix } from '../../test/authorization/matrix-table.js';
import { SCENARIOS } from '../../test/authorization/scenarios.js';
import { ACTORS, createWorld, nextIp, type World } from '../../test/authorization/world.js';

// Every route of the OpenAPI document × every kind of caller, against the
// expected statuses in docs/authorization-matrix.md. A route without a row (or
// a row without a route) fails, so nothing new ships without someone deciding
// who may call it. `AUTHZ_MATRIX_WRITE=1` rewrites the table from what the app
// answers, for a person to review in the diff.

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 120_000);
afterAll(() => w?.close());

function documentedRoutes(): string[] {
  const doc = w.t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`));
}

async function answer(route: string, actor: (typeof ACTORS)[number]): Promise<number> {
  const [method, url] = route.split(' ');
  const target = actor === 'stranger' ? w.recluse : w.owner;
  let caller = actor === 'anonymous' ? undefined : w[actor];
  const scenario = SCENARIOS[route];
  if (!scenario) throw new Error(`no scenario for ${route}`);
  const request = await scenario(w, target, caller);
  if (caller && request.freshSession) caller = await w.freshSession(caller);
  const response = await w.t.app.inject({
    method: method as 'GET',
    url: request.url,
    headers: { ...request.headers, ...(caller ? { cookie: caller.cookie } : {}) },
    remoteAddress: request.remoteAddress ?? nextIp(),
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  if (caller && request.restore) await request.restore(caller);
  if (process.env.AUTHZ_DEBUG && route.includes(process.env.AUTHZ_DEBUG)) console.log(actor, response.statusCode, response.body);
  if (response.statusCode >= 500) throw new Error(`${route} as ${actor} (${url}) answered ${response.statusCode}: ${response.body}`);
  return response.statusCode;
}

describe('the authorization matrix', () => {
  it('has one row and one scenario for every route of the API, and none for routes that do not exist', () => {
    const routes = documentedRoutes();
    const table = readMatrix();
    expect(
      routes.filter((route) => !table.has(route)),
      `routes without a row in ${MATRIX_FILE}`,
    ).toEqual([]);
    expect(
      routes.filter((route) => !SCENARIOS[route]),
      'routes without a scenario in test/authorization/scenarios.ts',
    ).toEqual([]);
    expect(
      [...table.keys()].filter((route) => !routes.includes(route)),
      'rows for routes the API does not have',
    ).toEqual([]);
  });

  it('answers every route × actor with the status in the table', async () => {
    const table = readMatrix();
    const actual = new Map<string, Row>();
    for (const route of documentedRoutes().filter((r) => SCENARIOS[r])) {
      const row = {} as Row;
      for (const actor of ACTORS) row[actor] = await answer(route, actor);
      actual.set(route, row);
    }
    if (process.env.AUTHZ_MATRIX_WRITE === '1') writeMatrix(actual);
    const differences = [...actual]
      .filter(([route, row]) => JSON.stringify(row) !== JSON.stringify(table.get(route)))
      .map(([route, row]) => `expected ${table.get(route) ? formatRow(route, table.get(route)!) : `(no row for ${route})`}\n     got ${formatRow(route, row)}`);
    expect(differences.join('\n'), 'cells that answer differently from the table').toBe('');
  }, 300_000);
});
