import { Type } from 'typebox';
import { IdSchema } from '../../kernel/schemas.js';
import { UserSummarySchema } from '../../kernel/user-summary.js';

// Response and request shapes of the trust-and-safety routes (docs/moderation-api.md).

export const SubjectSchema = Type.Object(
  { type: Type.Union([Type.Literal('note'), Type.Literal('comment'), Type.Literal('user')]), id: IdSchema },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Strings = Type.Array(Type.String());

export const ReportSchema = Type.Object({
  id: IdSchema,
  subject: SubjectSchema,
  category: Type.String(),
  country: Nullable(Type.String()),
  details: Type.String(),
  status: Type.Union([Type.Literal('received'), Type.Literal('action_taken'), Type.Literal('no_violation')]),
  createdAt: Type.String({ format: 'date-time' }),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const AppealSchema = Type.Object({
  id: IdSchema,
  statementId: IdSchema,
  text: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('rejected')]),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  reason: Nullable(Type.String()),
});

export const StatementSchema = Type.Object({
  id: IdSchema,
  createdAt: Type.String({ format: 'date-time' }),
  subject: Type.Object({ type: Type.String(), id: IdSchema, title: Type.String() }),
  decision: Type.String(),
  label: Nullable(Type.String()),
  rulebooks: Nullable(Strings),
  territorialScope: Nullable(Strings),
  facts: Type.String(),
  rule: Type.String(),
  automatedDetection: Type.Boolean(),
  automatedDecision: Type.Boolean(),
  suspendedUntil: Nullable(Type.String({ format: 'date-time' })),
  appealDeadline: Type.String({ format: 'date-time' }),
  reversed: Type.Boolean(),
  appeal: Nullable(AppealSchema),
});

export const QueueItemSchema = Type.Object({
  id: IdSchema,
  subject: SubjectSchema,
  kind: Type.Union([Type.Literal('reports'), Type.Literal('held')]),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  severity: Type.Integer(),
  reportCount: Type.Integer(),
  reporters: Type.Integer(),
  categories: Type.Record(Type.String(), Type.Integer()),
  views24h: Type.Integer(),
  rulebooks: Strings,
  openedAt: Type.String({ format: 'date-time' }),
  claimedBy: Nullable(UserSummarySchema),
  preview: Type.Object({ title: Type.String(), text: Type.String(), language: Nullable(Type.String()), author: Nullable(UserSummarySchema) }),
});

export const ActionSchema = Type.Object({
  id: IdSchema,
  caseId: Nullable(IdSchema),
  action: Type.String(),
  subject: SubjectSchema,
  label: Nullable(Type.String()),
  rulebooks: Nullable(Strings),
  rule: Type.String(),
  reason: Type.String(),
  durationHours: Nullable(Type.Integer()),
  automated: Type.Boolean(),
  moderator: Nullable(UserSummarySchema),
  createdAt: Type.String({ format: 'date-time' }),
  reverses: Nullable(IdSchema),
});

const LabelViewSchema = Type.Object({
  label: Type.String(),
  rulebooks: Nullable(Strings),
  source: Type.String(),
  reason: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** What the author of a note sees of its moderation (docs/moderation-api.md). */
export const AuthorModerationSchema = Type.Object({
  state: Type.Union([Type.Literal('live'), Type.Literal('held'), Type.Literal('removed')]),
  limited: Type.Boolean(),
  labels: Type.Array(LabelViewSchema),
  outcomes: Type.Array(Type.Object({ rulebook: Type.String(), outcome: Type.Union([Type.Literal('hidden'), Type.Literal('warned'), Type.Literal('adult')]) })),
  statementId: Nullable(IdSchema),
});

export const CaseDetailSchema = Type.Intersect([
  QueueItemSchema,
  Type.Object({
    item: Nullable(
      Type.Object({
        title: Type.String(),
        text: Type.String(),
        language: Nullable(Type.String()),
        noteId: Nullable(IdSchema),
        images: Type.Array(Type.Object({ url: Type.String(), alt: Type.String() })),
        createdAt: Type.String({ format: 'date-time' }),
        state: Type.String(),
        limited: Type.Boolean(),
        labels: Type.Array(LabelViewSchema),
      }),
    ),
    translation: Nullable(Type.Object({ language: Type.String(), title: Type.String(), text: Type.String(), provider: Type.String() })),
    author: Nullable(
      Type.Intersect([
        UserSummarySchema,
        Type.Object({
          createdAt: Type.String({ format: 'date-time' }),
          status: Type.String(),
          suspendedUntil: Nullable(Type.String({ format: 'date-time' })),
          strikes: Type.Integer(),
          notes: Type.Integer(),
        }),
      ]),
    ),
    history: Type.Array(ActionSchema),
    reports: Type.Array(
      Type.Object({
        id: IdSchema,
        category: Type.String(),
        country: Nullable(Type.String()),
        details: Type.String(),
        rulebook: Type.String(),
        reporter: Nullable(UserSummarySchema),
        createdAt: Type.String({ format: 'date-time' }),
      }),
    ),
  }),
]);
