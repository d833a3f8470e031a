import {
  allowedActions,
  closedTicketActions,
  explainResponseDue,
  openCycle,
  ratingClosesAt,
  seesInternal,
  slaState,
  timeLeftMinutes,
  type Actor,
  type ActorRef,
  type BusinessCalendar,
  type ChangedEvent,
  type Category,
  type ClosedBy,
  type ClosedTicketAction,
  type CloudResource,
  type PlanId,
  type PresenceState,
  type Priority,
  type Rating,
  type ResponseCycle,
  type Role,
  type SlaPolicy,
  type SlaState,
  type Status,
  type SupportHours,
  type TicketActionName,
  type TimelineEventKind,
} from '@support-tickets/core';
import type { AttachmentOutput } from '../attachments/attach';
import type { MessageRow, ResponseCycleRow, TicketEventRow, TicketRow } from '../db/schema';
import { BoundedMap } from '../shared/bounded-map';
import { toCycle } from '../shared/cycles';
import type { SearchMatch } from './search';

// Outputs are plain JSON (no transformer): every instant is an ISO 8601 string, mapped here.

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** A ticket as every API answer carries it. */
export interface TicketOutput {
  id: string;
  /** The short sequential number people see and say (#1042), unique across processes. */
  number: number;
  orgId: string;
  subject: string;
  category: Category;
  priority: Priority;
  status: Status;
  /** The token `sub` of the customer who opened it. */
  createdBy: string;
  createdByName: string;
  assigneeId: string | null;
  createdAt: string;
  /** The last change the caller can see: internal notes move it for agents only. */
  updatedAt: string;
  /** The open cycle's due time; null when no cycle is open or the priority has no target. */
  dueAt: string | null;
  sla: SlaState;
  /**
   * Whole minutes until `dueAt` at the time of reading: working minutes on business hours (the
   * clock stands still outside them), real minutes past due once overdue (negative). Null
   * without an open cycle with a target.
   */
  timeLeftMinutes: number | null;
  /** Set only while waiting on the customer. */
  autoCloseAt: string | null;
  closedAt: string | null;
  closedBy: ClosedBy | null;
  /** The caller's own closed ticket this one follows up, by id. */
  followUpOf: string | null;
  /** The cloud resources it is about, as the creator's token listed them when it was opened. */
  resources: CloudResource[];
  /** The customer's rating once the ticket is closed and rated. */
  rating: { rating: Rating; comment: string | null; at: string } | null;
  /** Until when the caller may rate it: set only while `actions` has `rate` (core's window after closing). */
  rateUntil: string | null;
  /**
   * What the caller may do to the ticket now, as core decides it: what a user interface offers
   * (`rate` and `follow_up` on a closed ticket).
   */
  actions: Array<TicketActionName | ClosedTicketAction>;
}

/** Another agent with the ticket open now, and whether they are typing (agents only). */
export interface PresenceOutput {
  userId: string;
  name: string;
  state: PresenceState;
}

/** A ticket linked to another as a follow-up. */
export interface LinkedTicketOutput {
  id: string;
  number: number;
  subject: string;
  status: Status;
}

/** A ticket in a list; agents also see the organisation's name and current plan (null for others). */
export interface TicketListItem extends TicketOutput {
  orgName: string | null;
  orgPlan: PlanId | 'custom' | null;
  /** Other agents in the ticket now; always empty for customers. */
  presence: PresenceOutput[];
  /** In a search (`q`): what the ticket matched on, its words marked; null otherwise. */
  match: SearchMatch | null;
}

export interface MessageOutput {
  id: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  /** `internal` only ever reaches agents. */
  visibility: 'public' | 'internal';
  body: string;
  createdAt: string;
  /** Its files, with links that work for an hour. */
  attachments: AttachmentOutput[];
}

/** A timeline event as clients see it (`id` is its number in the ticket: 1, 2, 3…, internal events too, for agents). */
export interface TimelineEventOutput extends ChangedEvent {
  /** For assignment events (`from`/`to` are agents' ids): their names, when the server knows them. */
  fromName: string | null;
  toName: string | null;
  messageId: string | null;
}

export interface SlaPolicyOutput {
  planId: PlanId | 'custom';
  priority: Priority;
  targetMinutes: number;
  hours: SupportHours;
  calendar: BusinessCalendar | null;
}

export interface ResponseCycleOutput {
  id: string;
  startedAt: string;
  dueAt: string | null;
  respondedAt: string | null;
  /** The policy the cycle is measured under; null where the plan had no target. */
  policy: SlaPolicyOutput | null;
}

export interface SlaExplanationOutput {
  policy: SlaPolicyOutput;
  startedAt: string;
  dueAt: string;
  timeZone: string;
  /** The working periods counted, which sum to the target. */
  periods: Array<{ start: string; end: string; minutes: number }>;
  summary: string;
}

/** `ticket.get` and every ticket mutation answer with this. */
export interface TicketDetailOutput extends TicketOutput {
  /** The latest messages (at most 50), oldest first. */
  messages: MessageOutput[];
  /** `before` for `ticket.messages`, which pages back to older ones; null when there are none. */
  messagesCursor: string | null;
  events: TimelineEventOutput[];
  cycles: ResponseCycleOutput[];
  /** Why the open cycle is due when it is; null without an open cycle with a target. */
  explanation: SlaExplanationOutput | null;
  /** The ticket this one follows up, when the caller may see it. */
  followUpOfTicket: LinkedTicketOutput | null;
  /** Tickets opened as follow-ups of this one (agents only; empty for others). */
  followUps: LinkedTicketOutput[];
  /** Other agents in the ticket now; always empty for customers. */
  presence: PresenceOutput[];
}

/** The ticket as `viewer` reads it at `now`. */
export function toTicketOutput(row: TicketRow, cycles: readonly ResponseCycle[], now: Date, viewer: ActorRef): TicketOutput {
  const open = row.status === 'closed' ? null : openCycle(cycles);
  const left = open ? timeLeftMinutes(open, now) : null;
  const actions = [...allowedActions(row, viewer), ...closedTicketActions(row, viewer, now)];
  return {
    id: row.id,
    number: row.number,
    orgId: row.orgId,
    subject: row.subject,
    category: row.category,
    priority: row.priority,
    status: row.status,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    assigneeId: row.assigneeId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(seesInternal(viewer) ? row.updatedAt : row.publicUpdatedAt),
    dueAt: isoOrNull(row.dueAt),
    sla: slaState({ status: row.status, cycles, closedAt: row.closedAt }, now),
    timeLeftMinutes: left === null ? null : Math.round(left) || 0,
    autoCloseAt: isoOrNull(row.autoCloseAt),
    closedAt: isoOrNull(row.closedAt),
    closedBy: row.closedBy,
    followUpOf: row.followUpOf,
    resources: row.resources,
    rating: row.rating && row.ratedAt ? { rating: row.rating, comment: row.ratingComment, at: iso(row.ratedAt) } : null,
    rateUntil: actions.includes('rate') && row.closedAt ? iso(ratingClosesAt(row.closedAt)) : null,
    actions,
  };
}

export function toMessageOutput(row: MessageRow, attachments: AttachmentOutput[]): MessageOutput {
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.authorName,
    authorRole: row.authorRole,
    visibility: row.visibility,
    body: row.body,
    createdAt: iso(row.createdAt),
    attachments,
  };
}

export function toEventOutput(row: TicketEventRow): TimelineEventOutput {
  return {
    id: row.seq,
    kind: row.kind,
    actor: row.actor,
    actorId: row.actorId,
    actorName: row.actorName,
    from: row.from,
    to: row.to,
    fromName: null,
    toName: null,
    internal: row.internal,
    messageId: row.messageId,
    at: iso(row.at),
  };
}

export function toCycleOutput(row: ResponseCycleRow): ResponseCycleOutput {
  const { policy } = toCycle(row);
  return {
    id: row.id,
    startedAt: iso(row.startedAt),
    dueAt: isoOrNull(row.dueAt),
    respondedAt: isoOrNull(row.respondedAt),
    policy: policy ? { ...policy } : null,
  };
}

// An explanation is a pure function of the cycle's start and policy, and the same open cycle
// is explained to everyone who opens the ticket: each is worked out once, a bounded number kept.
const explanations = new BoundedMap<string, SlaExplanationOutput>(1_000);

export function toExplanationOutput(cycle: ResponseCycle | null): SlaExplanationOutput | null {
  if (!cycle?.policy || !cycle.dueAt) return null;
  const key = `${cycle.startedAt.getTime()} ${JSON.stringify(cycle.policy)}`;
  let output = explanations.get(key);
  if (!output) explanations.set(key, (output = explain(cycle.startedAt, cycle.policy)));
  return output;
}

function explain(startedAt: Date, policy: SlaPolicy): SlaExplanationOutput {
  const explanation = explainResponseDue(startedAt, policy);
  return {
    policy: { ...explanation.policy },
    startedAt: iso(explanation.startedAt),
    dueAt: iso(explanation.dueAt),
    timeZone: explanation.timeZone,
    periods: explanation.periods.map((p) => ({ start: iso(p.start), end: iso(p.end), minutes: p.minutes })),
    summary: explanation.summary,
  };
}
