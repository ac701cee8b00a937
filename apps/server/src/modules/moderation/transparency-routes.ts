import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import type { TransparencyService } from './transparency-service.js';

const MonthQuery = Type.Object(
  { month: Type.Optional(Type.String({ maxLength: 7, description: 'YYYY-MM; this month by default' })) },
  { additionalProperties: false },
);

/** Public: anyone may see how the platform moderates. */
export async function transparencyRoutes(app: ApiApp, deps: { transparency: TransparencyService; clock: () => Date }) {
  app.get(
    '/transparency',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Monthly moderation figures per rulebook',
        querystring: MonthQuery,
        response: {
          200: Type.Object({
            month: Type.String(),
            rulebooks: Type.Array(
              Type.Object({
                rulebook: Type.String(),
                reports: Type.Record(Type.String(), Type.Integer()),
                actions: Type.Record(Type.String(), Type.Object({ automated: Type.Integer(), human: Type.Integer() })),
                medianHoursToDecision: Type.Union([Type.Number(), Type.Null()]),
                appeals: Type.Integer(),
                reversals: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => deps.transparency.figures(request.query.month, deps.clock()),
  );

  app.get(
    '/transparency/statements',
    {
      schema: {
        tags: ['moderation'],
        summary: 'The month’s statements of reasons, with the field names of the DSA Transparency Database (a JSON download)',
        querystring: MonthQuery,
      },
    },
    async (request, reply) => {
      const body = await deps.transparency.statements(request.query.month, deps.clock());
      return reply.header('content-disposition', `attachment; filename="qiao-statements-${body.month}.json"`).send(body);
    },
  );
}
