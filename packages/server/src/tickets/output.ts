import {
  allowedActions,
  explainResponseDue,
  openCycle,
  seesInternal,
  slaState,
  timeLeftMinutes,
  type Actor,
  type ActorRef,
  type BusinessCalendar,
  type Category,
  type ClosedBy,
  type PlanId,
  type Priority,
  type ResponseCycle,
  type Role,
  type SlaState,
  type Status,
  type SupportHours,
  type TicketActionName,
  type TimelineEventKind,
} from '@support-tickets/core';
import type { AttachmentOutput } from '../attachments/attach';
import type { MessageRow, ResponseCycleRow, TicketEventRow, TicketRow } from '../db/schema';
import { toCycle } from '../shared/cycles';

// Outputs are plain JSON (no transformer): every instant is an ISO 8601 string, mapped here.

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** A ticket as every API answer carries it. */
export interface TicketOutput {
  id: string;
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
  /** What the caller may do to the ticket now, as core decides it: what a user interface offers. */
  actions: TicketActionName[];
}

/** A ticket in a list; agents also see the organisation's name and current plan (null for others). */
export interface TicketListItem extends TicketOutput {
  orgName: string | null;
  orgPlan: PlanId | 'custom' | null;
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

export interface TimelineEventOutput {
  /** 1, 2, 3… within the ticket: the order of its timeline (internal events too, for agents). */
  id: number;
  kind: TimelineEventKind;
  actor: Actor;
  actorId: string | null;
  actorName: string | null;
  from: string | null;
  to: string | null;
  internal: boolean;
  messageId: string | null;
  at: string;
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
}

/** The ticket as `viewer` reads it at `now`. */
export function toTicketOutput(row: TicketRow, cycles: readonly ResponseCycle[], now: Date, viewer: ActorRef): TicketOutput {
  const open = row.status === 'closed' ? null : openCycle(cycles);
  const left = open ? timeLeftMinutes(open, now) : null;
  return {
    id: row.id,
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
    actions: allowedActions(row, viewer),
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

export function toExplanationOutput(cycle: ResponseCycle | null): SlaExplanationOutput | null {
  if (!cycle?.policy || !cycle.dueAt) return null;
  const explanation = explainResponseDue(cycle.startedAt, cycle.policy);
  return {
    policy: { ...explanation.policy },
    startedAt: iso(explanation.startedAt),
    dueAt: iso(explanation.dueAt),
    timeZone: explanation.timeZone,
    periods: explanation.periods.map((p) => ({ start: iso(p.start), end: iso(p.end), minutes: p.minutes })),
    summary: explanation.summary,
  };
}
