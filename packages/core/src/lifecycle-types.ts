import type { BusinessCalendar } from './calendar';
import type { Actor, Category, Plan, PlanId, Priority, Status } from './domain';
import type { ResponseCycle, SlaPolicy } from './sla-types';
import type { TextField, TextProblem } from './text';

// The vocabulary of the ticket lifecycle: what a decision reads, and what it answers.

export const DEFAULT_AUTO_CLOSE_HOURS = 48;

export type ClosedBy = 'customer' | 'agent' | 'system';

/** What the lifecycle needs to know of a ticket to decide a transition. */
export interface TicketState {
  status: Status;
  priority: Priority;
  category: Category;
  createdBy: string;
  assigneeId: string | null;
  autoCloseAt: Date | null;
  closedAt: Date | null;
  closedBy: ClosedBy | null;
  /** The cycle waiting for a support reply, if one is open. */
  openCycle: ResponseCycle | null;
}

/** Who acts: a signed-in role with its user id (the token's `sub`), or the system (null). */
export interface ActorRef {
  role: Actor;
  userId: string | null;
}

/** The organisation's policy at the moment of the action. */
export interface PolicyContext {
  now: Date;
  plan: Plan;
  calendar: BusinessCalendar;
  autoCloseHours?: number;
}

export type LifecycleAction =
  | { type: 'create'; subject: string; body: string; category: Category; priority?: Priority }
  | { type: 'accept' }
  | { type: 'reply'; body: string }
  | { type: 'note'; body: string }
  | { type: 'update'; priority?: Priority; category?: Category }
  /** To an agent the server knows (`known`), or to nobody (null). */
  | { type: 'assign'; assignee: { id: string; known: boolean } | null }
  | { type: 'close' }
  | { type: 'autoClose' };

export const TIMELINE_EVENT_KINDS = [
  'created',
  'accepted',
  'assigned',
  'replied',
  'note_added',
  'status_changed',
  'priority_changed',
  'category_changed',
  'plan_changed',
  'closed',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export interface TimelineEvent {
  kind: TimelineEventKind;
  actor: Actor;
  actorId: string | null;
  at: Date;
  from: string | null;
  to: string | null;
  /** Internal events (notes) are never shown to customers. */
  internal: boolean;
}

export type CycleChange =
  | { type: 'open'; cycle: ResponseCycle }
  | { type: 'respond'; respondedAt: Date }
  | { type: 'reschedule'; dueAt: Date | null; policy: SlaPolicy | null };

export interface NewMessage {
  visibility: 'public' | 'internal';
  body: string;
}

export interface Transition {
  ok: true;
  state: TicketState;
  events: TimelineEvent[];
  cycles: CycleChange[];
  message: NewMessage | null;
}

export type LifecycleErrorCode = 'forbidden' | 'conflict' | 'invalid';

/** What is wrong with a custom plan, per priority where it is about one target. */
export type PlanProblem =
  | { code: 'no_priority' }
  | { code: 'target_not_whole_minutes'; priority: Priority }
  | { code: 'target_too_long'; priority: Priority; max: number };

/**
 * Why a refusal a person can run into happened, in data: a user interface words it in its own
 * language from this, while `message` stays the English explanation for logs and developers.
 * `ticket_busy` is the server's: others kept changing the ticket while it retried the action.
 */
export type RefusalReason =
  | { kind: 'ticket_closed' }
  | { kind: 'priority_unavailable'; plan: PlanId | 'custom'; priority: Priority; offered: Priority[] }
  | { kind: 'already_accepted' }
  | { kind: 'nothing_to_change' }
  | { kind: 'ticket_busy' }
  | ({ kind: 'text_invalid'; field: TextField } & TextProblem)
  | { kind: 'plan_invalid'; problems: PlanProblem[] }
  /** The caller made too many calls for a while (SPEC §9); they may call again in this many seconds. */
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** The person already holds the most live-update streams one may hold at once (other tabs, say). */
  | { kind: 'too_many_streams'; limit: number }
  /** Attachments (SPEC §7): a file over the limit, an organisation out of room, too many files, an upload not (or no longer) attachable. */
  | { kind: 'file_too_large'; maxBytes: number }
  | { kind: 'quota_exceeded'; quotaBytes: number; usedBytes: number }
  | { kind: 'too_many_attachments'; max: number }
  | { kind: 'attachment_unavailable'; ids: string[] }
  /** A ticket may be assigned only to an agent the server has seen. */
  | { kind: 'unknown_agent'; assigneeId: string }
  /** Someone wrote to the ticket or changed its status after what the sender had on screen. */
  | { kind: 'ticket_changed'; events: ChangedEvent[] }
  | { kind: 'not_closed' }
  | { kind: 'already_rated' }
  | { kind: 'rating_expired'; days: number }
  | { kind: 'resource_not_allowed'; resourceIds: string[] };

/** A timeline event as a client sees it (`id` is its number in the ticket): what a conflict reports. */
export interface ChangedEvent {
  id: number;
  kind: TimelineEventKind;
  actor: Actor;
  actorId: string | null;
  actorName: string | null;
  from: string | null;
  to: string | null;
  internal: boolean;
  at: string;
}

export interface LifecycleError {
  code: LifecycleErrorCode;
  message: string;
  reason?: RefusalReason;
}

export type Refused = { ok: false; error: LifecycleError };
export type TransitionResult = Transition | Refused;

/** A refusal as a value: the code, the English message, and the reason in data when there is one. */
export const refusal = (code: LifecycleErrorCode, message: string, reason?: RefusalReason): Refused => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});

/** A timeline event by `actor` at `at`; `from`/`to` say what changed. */
export function timelineEvent(
  kind: TimelineEventKind,
  actor: ActorRef,
  at: Date,
  change: { from?: string | null; to?: string | null; internal?: boolean } = {},
): TimelineEvent {
  return {
    kind,
    actor: actor.role,
    actorId: actor.userId,
    at,
    from: change.from ?? null,
    to: change.to ?? null,
    internal: change.internal ?? false,
  };
}
