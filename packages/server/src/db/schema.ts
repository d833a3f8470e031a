import {
  ATTENTION_BANDS,
  CATEGORIES,
  LOCALES,
  PLAN_IDS,
  PRIORITIES,
  ROLES,
  STATUSES,
  TIMELINE_EVENT_KINDS,
  RATINGS,
  type BusinessCalendar,
  type ClosedBy,
  type CloudResource,
  type Plan,
} from '@support-tickets/core';
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

// Instants are UTC milliseconds (INTEGER); drizzle maps them to Date.
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

const PLAN_KEYS = [...PLAN_IDS, 'custom'] as const;
const ACTORS = [...ROLES, 'system'] as const;
const CLOSERS = ['customer', 'agent', 'system'] as const satisfies readonly ClosedBy[];
/** Core's bands of a customer's list, as SQL over the status column. */
const ATTENTION_BAND_SQL = `CASE status ${Object.entries(ATTENTION_BANDS)
  .map(([status, band]) => `WHEN '${status}' THEN ${band}`)
  .join(' ')} END`;

/** A search key (the SQL of an integer) as the search index's scope carries it: two private-use characters, U+E000 on. */
export const searchKeyChars = (key: string) => `char(57344 + ${key} % 6400, 57344 + ${key} / 6400 % 6400)`;

/** A customer organisation; its id is the token's `org` claim. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** A plan of the table, or 'custom' with its targets in `custom_plan`. */
    planId: text('plan_id', { enum: PLAN_KEYS }).notNull(),
    customPlan: text('custom_plan', { mode: 'json' }).$type<Plan>(),
    /** Null means the server's default calendar. */
    calendar: text('calendar', { mode: 'json' }).$type<BusinessCalendar>(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /** A small number of its own (max + 1, set by a trigger on insert) that names it in the search index. */
    searchKey: integer('search_key'),
    /**
     * The organisation in the search index's `scope`: two private-use characters from `search_key`,
     * which the trigram tokenizer keeps as one rare token with the visibility's letter after them.
     * The ids themselves share most of their trigrams ("org", "-or"…), so asking the index for one
     * organisation's text read every organisation's.
     */
    searchScope: text('search_scope').generatedAlwaysAs(sql.raw(searchKeyChars('search_key')), { mode: 'virtual' }),
  },
  (t) => [
    // The agents' directory pages by name, as SQLite folds it.
    index('organisations_name_idx').on(sql`lower(${t.name})`, t.id),
    uniqueIndex('organisations_search_key_idx').on(t.searchKey),
  ],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(), // UUIDv7: unique across processes, ordered by creation
    /** The short number a person can say on the phone (#1042): max + 1, taken by the insert itself. */
    number: integer('number').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    subject: text('subject').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    priority: text('priority', { enum: PRIORITIES }).notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    assigneeId: text('assignee_id'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /**
     * The last change a customer can see (internal notes aside): what customers and org admins
     * read as `updatedAt` and sort their lists by, so a note never shows through its time.
     */
    publicUpdatedAt: instant('public_updated_at').notNull(),
    /** The open cycle's due time, copied here so the queue sorts on one table. */
    dueAt: instant('due_at'),
    autoCloseAt: instant('auto_close_at'),
    /** The auto-close time the customer was last warned of: a new one (a later agent reply) is warned of again. */
    autoCloseWarnedFor: instant('auto_close_warned_for'),
    closedAt: instant('closed_at'),
    closedBy: text('closed_by', { enum: CLOSERS }),
    /** The closed ticket of the same person this one follows up, if any. */
    followUpOf: text('follow_up_of').references((): AnySQLiteColumn => tickets.id),
    /** The cloud resources it is about, as the creator's token listed them when it was opened. */
    resources: text('resources', { mode: 'json' }).$type<CloudResource[]>().notNull().default([]),
    rating: text('rating', { enum: RATINGS }),
    ratingComment: text('rating_comment'),
    ratedAt: instant('rated_at'),
    /** Bumped by every write; writes are conditional on the version they read. */
    version: integer('version').notNull().default(0),
    /**
     * The agent queue's order, derived by SQLite so no writer can forget it: open tickets with a
     * due time first (earliest, hence breached, first), then open ones without an SLA clock
     * running (oldest first), then closed ones (most recently closed first).
     */
    queueRank: integer('queue_rank').generatedAlwaysAs(
      sql`CASE WHEN status = 'closed' THEN 2 WHEN due_at IS NULL THEN 1 ELSE 0 END`,
      { mode: 'virtual' },
    ),
    /** A customer's list order (`ATTENTION_BANDS` of core): what waits on them first, closed last. */
    attentionBand: integer('attention_band').generatedAlwaysAs(sql.raw(ATTENTION_BAND_SQL), { mode: 'virtual' }),
    queueAt: integer('queue_at').generatedAlwaysAs(
      sql`CASE WHEN status = 'closed' THEN -coalesce(closed_at, 0) WHEN due_at IS NULL THEN created_at ELSE due_at END`,
      { mode: 'virtual' },
    ),
  },
  (t) => [
    // Two writers can never give two tickets one number; also makes max(number) one lookup.
    uniqueIndex('tickets_number_idx').on(t.number),
    // Newest first, ties by id, as the lists page: tickets changed at one instant (a bulk
    // action, an import) are read in order rather than sorted together on every page.
    index('tickets_customer_idx').on(t.orgId, t.createdBy, t.publicUpdatedAt, t.id),
    index('tickets_org_idx').on(t.orgId, t.publicUpdatedAt, t.id),
    // A customer's and an organisation's lists in attention order.
    index('tickets_customer_attention_idx').on(t.orgId, t.createdBy, t.attentionBand, t.publicUpdatedAt, t.id),
    index('tickets_org_attention_idx').on(t.orgId, t.attentionBand, t.publicUpdatedAt, t.id),
    index('tickets_updated_idx').on(t.updatedAt, t.id),
    index('tickets_queue_idx').on(t.queueRank, t.queueAt, t.id),
    // An agent's view of one organisation's tickets, in the queue's order.
    index('tickets_org_queue_idx').on(t.orgId, t.queueRank, t.queueAt, t.id),
    index('tickets_status_due_idx').on(t.status, t.dueAt),
    // The agent queue filtered by status, still in queue order.
    index('tickets_status_queue_idx').on(t.status, t.queueRank, t.queueAt, t.id),
    index('tickets_auto_close_idx').on(t.autoCloseAt),
    // The SLA overview's compliance window: tickets closed recently.
    index('tickets_closed_idx').on(t.closedAt),
    // A ticket's follow-ups, for agents.
    index('tickets_follow_up_idx').on(t.followUpOf),
    // The SLA overview's satisfaction window: tickets rated recently.
    index('tickets_rated_idx').on(t.ratedAt),
  ],
);

/**
 * Each customer who opened a ticket, by a small number of their own (set by the search index's
 * trigger when their first ticket lands): their texts carry it in the index's `scope` as two
 * private-use characters and `c`, so a customer's search asks the index for their own texts
 * only, as it asks for an organisation's.
 */
export const searchCreators = sqliteTable(
  'search_creators',
  {
    key: integer('key').primaryKey(),
    orgId: text('org_id').notNull(),
    createdBy: text('created_by').notNull(),
    scope: text('scope').generatedAlwaysAs(sql.raw(`${searchKeyChars('key')} || 'c'`), { mode: 'virtual' }),
  },
  (t) => [uniqueIndex('search_creators_person_idx').on(t.orgId, t.createdBy)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    authorRole: text('author_role', { enum: ROLES }).notNull(),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  // A thread pages back from its newest message: the index hands rows over in that order.
  (t) => [index('messages_ticket_idx').on(t.ticketId, t.createdAt, t.id)],
);

/**
 * The timeline. The id is an autoincrementing integer so a reader can follow the table
 * (`WHERE id > ?`) across processes to stream changes; it never leaves the server as is (its
 * gaps would show other tenants' volume). `seq` numbers a ticket's events 1, 2, 3…: the id a
 * client sees.
 */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** 1, 2, 3… within the ticket, in the order of `id`. */
    seq: integer('seq').notNull(),
    orgId: text('org_id').notNull(),
    kind: text('kind', { enum: TIMELINE_EVENT_KINDS }).notNull(),
    actor: text('actor', { enum: ACTORS }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    from: text('from'),
    to: text('to'),
    internal: integer('internal', { mode: 'boolean' }).notNull(),
    /** The message a reply or note event wrote, if any. */
    messageId: text('message_id').references(() => messages.id),
    at: instant('at').notNull(),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    index('ticket_events_org_idx').on(t.orgId, t.id),
    // Two writers can never give one ticket the same number.
    uniqueIndex('ticket_events_seq_idx').on(t.ticketId, t.seq),
  ],
);

/**
 * One wait for a support reply, with the policy it was measured under, so a later plan or
 * calendar change never rewrites history.
 */
export const responseCycles = sqliteTable(
  'response_cycles',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id),
    startedAt: instant('started_at').notNull(),
    dueAt: instant('due_at'),
    respondedAt: instant('responded_at'),
    // The policy snapshot; all null where the plan had no target for the priority.
    planId: text('plan_id', { enum: PLAN_KEYS }),
    priority: text('priority', { enum: PRIORITIES }),
    targetMinutes: integer('target_minutes'),
    hours: text('hours', { enum: ['24/7', 'business'] }),
    calendar: text('calendar', { mode: 'json' }).$type<BusinessCalendar>(),
    /** When a quarter of the target is left (core's `atRiskAt`); null without a target. */
    atRiskAt: instant('at_risk_at'),
    /** When `sla.at_risk` / `sla.breached` was recorded for this cycle: each once. */
    atRiskNotifiedAt: instant('at_risk_notified_at'),
    breachNotifiedAt: instant('breach_notified_at'),
  },
  (t) => [
    // The alert sweep: open cycles whose at-risk moment or due time is near, not yet alerted.
    index('response_cycles_at_risk_idx').on(t.atRiskAt).where(sql`at_risk_notified_at IS NULL AND responded_at IS NULL`),
    index('response_cycles_breach_idx').on(t.dueAt).where(sql`breach_notified_at IS NULL AND responded_at IS NULL`),
    index('response_cycles_ticket_idx').on(t.ticketId, t.startedAt, t.id),
    // The SLA overview's compliance window: cycles due or answered recently.
    index('response_cycles_due_idx').on(t.dueAt),
    index('response_cycles_responded_idx').on(t.respondedAt),
  ],
);

/** Agents belong to no organisation: their people rows carry this as `org_id`. */
export const NO_ORG = '';

/**
 * Everyone the server has seen a verified token of, as the latest token said, so mail can
 * reach them later and agents can be listed. A person is their token's `sub` within their
 * organisation (hosts name their users on their own).
 */
export const people = sqliteTable(
  'people',
  {
    /** The token's `sub`. */
    id: text('id').notNull(),
    /** The token's `org`; `NO_ORG` for agents. */
    orgId: text('org_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    name: text('name').notNull(),
    email: text('email'),
    locale: text('locale', { enum: LOCALES }).notNull(),
    /** The person's own choice (`me.notifications`); tokens never change it. */
    emailEnabled: integer('email_enabled', { mode: 'boolean' }).notNull().default(true),
    lastSeenAt: instant('last_seen_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // Agents (or any role) by name: the team list.
    index('people_role_idx').on(t.role, t.name),
  ],
);

/** Saved replies the support team shares (SPEC §8), with `{{…}}` placeholders. */
export const macros = sqliteTable(
  'macros',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('macros_title_idx').on(sql`lower(${t.title})`, t.id)],
);

/**
 * Who of the support team has a ticket open, and whether they are typing: a row per agent and
 * ticket, its time refreshed by every heartbeat. In the database so every process sees it;
 * a row older than core's time to live no longer shows.
 */
export const presence = sqliteTable(
  'presence',
  {
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    state: text('state', { enum: ['viewing', 'typing'] }).notNull(),
    seenAt: instant('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] }), index('presence_seen_idx').on(t.seenAt)],
);

/**
 * A file a person uploaded (SPEC §7): what it is, whose, and the message it went on (null until
 * attached; removed a day later if never). The bytes live in the blob store under the same id.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    /** The uploader's organisation, whose quota the file counts against; null for agents (they belong to none). */
    orgId: text('org_id').references(() => organisations.id),
    uploadedBy: text('uploaded_by').notNull(),
    name: text('name').notNull(),
    /** Judged from the content once it arrived, never from the name or the declared type. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** False while the bytes are still arriving; only complete uploads count, attach or serve. */
    complete: integer('complete', { mode: 'boolean' }).notNull(),
    messageId: text('message_id').references(() => messages.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    // An organisation's quota sums its files.
    index('attachments_org_idx').on(t.orgId),
    // A message's files; the cleanup's unattached uploads (null message) by age.
    index('attachments_unattached_idx').on(t.messageId, t.createdAt),
  ],
);

/**
 * The libSQL blob store: a file's bytes as numbered chunks, so a read streams a chunk at a time
 * and every process sharing the database reads the same files. Keyed by blob id only: an
 * object store can take its place without touching `attachments`.
 */
export const blobChunks = sqliteTable(
  'blob_chunks',
  {
    blobId: text('blob_id').notNull(),
    seq: integer('seq').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

export type OrganisationRow = typeof organisations.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;
export type ResponseCycleRow = typeof responseCycles.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type MacroRow = typeof macros.$inferSelect;
export type PresenceRow = typeof presence.$inferSelect;
