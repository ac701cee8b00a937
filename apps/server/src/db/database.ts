import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { prepareMarkedQueries } from './prepared.js';
import type { BlocksTable } from './tables/blocks.js';
import type { BoardsTable } from './tables/boards.js';
import type { CollectsTable } from './tables/collects.js';
import type { CommentLikesTable } from './tables/comment-likes.js';
import type { CommentsTable } from './tables/comments.js';
import type { EventsTable } from './tables/events.js';
import type { FollowRequestsTable } from './tables/follow-requests.js';
import type { FollowsTable } from './tables/follows.js';
import type { ImagesTable } from './tables/images.js';
import type { AppealsTable } from './tables/appeals.js';
import type { AccountDeletionsTable } from './tables/account-deletions.js';
import type { DataExportsTable } from './tables/data-exports.js';
import type { LabelsTable } from './tables/labels.js';
import type { ModerationActionsTable } from './tables/moderation-actions.js';
import type { ModerationCasesTable } from './tables/moderation-cases.js';
import type { ModeratorsTable } from './tables/moderators.js';
import type { ReportsTable } from './tables/reports.js';
import type { StatementsTable } from './tables/statements.js';
import type { SmsBudgetsTable } from './tables/sms-budgets.js';
import type { StrikesTable } from './tables/strikes.js';
import type { UploadBudgetsTable } from './tables/upload-budgets.js';
import type { LikesTable } from './tables/likes.js';
import type { MutesTable } from './tables/mutes.js';
import type { NoteCountersTable } from './tables/note-counters.js';
import type { NoteMentionsTable } from './tables/note-mentions.js';
import type { NoteRankTable } from './tables/note-rank.js';
import type { NoteTopicsTable } from './tables/note-topics.js';
import type { NotesTable } from './tables/notes.js';
import type { NotificationsTable } from './tables/notifications.js';
import type { PhoneCodesTable } from './tables/phone-codes.js';
import type {
  NotInterestedTable,
  RecAffinityTable,
  RecJobStateTable,
  RecNoteSimilarTable,
  RecPoolsTable,
  RecSeenTable,
  RecNoteQualityTable,
  RecServedTable,
  RecTrendingTable,
  RecUserTopicsTable,
} from './tables/recommender.js';
import type { SessionsTable } from './tables/sessions.js';
import type { SignInDevicesTable } from './tables/sign-in-devices.js';
import type { PendingSignInsTable } from './tables/pending-sign-ins.js';
import type { TotpRecoveryCodesTable } from './tables/totp-recovery-codes.js';
import type { UserTotpTable } from './tables/user-totp.js';
import type { UsedChallengesTable } from './tables/used-challenges.js';
import type { TopicActivityTable } from './tables/topic-activity.js';
import type { TopicCountersTable } from './tables/topic-counters.js';
import type { TopicParticipantsTable } from './tables/topic-participants.js';
import type { TopicsTable } from './tables/topics.js';
import type { TranslationsTable } from './tables/translations.js';
import type { UsersTable } from './tables/users.js';
import type { UserDataKeysTable } from './tables/user-data-keys.js';
import type { StaffAccessLogTable } from './tables/staff-access-log.js';
import type { PhoneLookupBudgetsTable } from './tables/phone-lookup-budgets.js';
import type { VideosTable } from './tables/videos.js';

export interface Database {
  users: UsersTable;
  user_data_keys: UserDataKeysTable;
  staff_access_log: StaffAccessLogTable;
  phone_lookup_budgets: PhoneLookupBudgetsTable;
  sessions: SessionsTable;
  sign_in_devices: SignInDevicesTable;
  user_totp: UserTotpTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  pending_sign_ins: PendingSignInsTable;
  used_challenges: UsedChallengesTable;
  phone_codes: PhoneCodesTable;
  data_exports: DataExportsTable;
  account_deletions: AccountDeletionsTable;
  notes: NotesTable;
  images: ImagesTable;
  topics: TopicsTable;
  note_topics: NoteTopicsTable;
  note_mentions: NoteMentionsTable;
  note_counters: NoteCountersTable;
  topic_counters: TopicCountersTable;
  topic_participants: TopicParticipantsTable;
  topic_activity: TopicActivityTable;
  note_rank: NoteRankTable;
  likes: LikesTable;
  boards: BoardsTable;
  collects: CollectsTable;
  comments: CommentsTable;
  comment_likes: CommentLikesTable;
  follows: FollowsTable;
  follow_requests: FollowRequestsTable;
  blocks: BlocksTable;
  mutes: MutesTable;
  notifications: NotificationsTable;
  events: EventsTable;
  videos: VideosTable;
  translations: TranslationsTable;
  rec_affinity: RecAffinityTable;
  rec_note_similar: RecNoteSimilarTable;
  rec_pools: RecPoolsTable;
  rec_seen: RecSeenTable;
  rec_user_topics: RecUserTopicsTable;
  rec_note_quality: RecNoteQualityTable;
  rec_trending: RecTrendingTable;
  rec_served: RecServedTable;
  not_interested: NotInterestedTable;
  reports: ReportsTable;
  rec_job_state: RecJobStateTable;
  labels: LabelsTable;
  moderation_cases: ModerationCasesTable;
  moderation_actions: ModerationActionsTable;
  strikes: StrikesTable;
  statements: StatementsTable;
  appeals: AppealsTable;
  moderators: ModeratorsTable;
  upload_budgets: UploadBudgetsTable;
  sms_budgets: SmsBudgetsTable;
}

export type Db = Kysely<Database>;

// bigint ids arrive as strings (JS numbers lose precision past 2^53); counts we
// cast explicitly where we need numbers.
// A calendar date (a birth date) is a day, not an instant: keep it as 'YYYY-MM-DD'
// instead of a Date at some time zone's midnight.
const PG_DATE = 1082;
pg.types.setTypeParser(PG_DATE, (value) => value);

// The pool behind each Db, for the few paths Kysely has no API for (COPY, in bulk-copy.ts).
const pools = new WeakMap<Db, pg.Pool>();

export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('poolOf: this Db was not made by createDb');
  return pool;
}

/** `onQuery` sees every statement and its parameters (tests prove what never reaches PostgreSQL). */
export function createDb(
  connectionString: string,
  poolSize = 20,
  onQuery?: (sql: string, parameters: readonly unknown[]) => void,
  options: { preparedStatements?: boolean } = {},
): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  if (options.preparedStatements ?? true) prepareMarkedQueries(pool);
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(onQuery ? { log: (event) => onQuery(event.query.sql, event.query.parameters) } : {}),
  });
  pools.set(db, pool);
  return db;
}
