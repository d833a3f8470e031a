import type { BusinessCalendar } from './calendar';
import type { Actor, Category, Plan, PlanId, Priority, Status } from './domain';
import { DEFAULT_PRIORITY, isCategory, isPriority } from './domain';
import { LABELS } from './labels';
import { availablePriorities, offersPriority } from './plans';
import { autoCloseAt, dueAtFor, slaPolicyFor } from './sla';
import type { ResponseCycle, SlaPolicy } from './sla-types';

export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 20_000;
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

export interface ActorRef {
  role: Actor;
  /** The token's `sub`; null for the system. */
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
  | { kind: 'ticket_busy' };

export interface LifecycleError {
  code: LifecycleErrorCode;
  message: string;
  reason?: RefusalReason;
}
export type TransitionResult = Transition | { ok: false; error: LifecycleError };

const fail = (code: LifecycleErrorCode, message: string, reason?: RefusalReason): TransitionResult => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});

const priorityUnavailable = (plan: Plan, priority: Priority): TransitionResult =>
  fail('invalid', unavailablePriorityMessage(plan, priority), {
    kind: 'priority_unavailable',
    plan: plan.id,
    priority,
    offered: availablePriorities(plan),
  });

type Decide<A extends LifecycleAction> = (
  ticket: TicketState,
  action: A,
  actor: ActorRef,
  ctx: PolicyContext,
) => TransitionResult;

/**
 * Decides what an action does to a ticket: the single place the ticket lifecycle (SPEC §3) lives.
 * `current` is null only for `create`. Pure: the caller persists the returned state, events,
 * cycle changes and message in one transaction, conditional on the state it read.
 */
export function applyAction(
  current: TicketState | null,
  action: LifecycleAction,
  actor: ActorRef,
  ctx: PolicyContext,
): TransitionResult {
  if (action.type === 'create') {
    if (current) return fail('conflict', 'The ticket already exists.');
    return create(action, actor, ctx);
  }
  if (!current) return fail('invalid', 'There is no ticket to act on.');
  if (current.status === 'closed') {
    return fail('conflict', 'This ticket is closed and cannot be changed. Open a new ticket instead.', {
      kind: 'ticket_closed',
    });
  }
  switch (action.type) {
    case 'accept':
      return accept(current, action, actor, ctx);
    case 'reply':
      return reply(current, action, actor, ctx);
    case 'note':
      return note(current, action, actor, ctx);
    case 'update':
      return update(current, action, actor, ctx);
    case 'close':
      return close(current, action, actor, ctx);
    case 'autoClose':
      return autoClose(current, action, actor, ctx);
  }
}

/** Text problems as a person reads them, or null when the text is acceptable. */
export function checkSubject(subject: string): string | null {
  if (subject.trim().length === 0) return 'The subject is empty.';
  if (subject.length > SUBJECT_MAX_LENGTH) return `The subject is longer than ${SUBJECT_MAX_LENGTH} characters.`;
  return null;
}

export function checkBody(body: string): string | null {
  if (body.trim().length === 0) return 'The message is empty.';
  if (body.length > BODY_MAX_LENGTH) return `The message is longer than ${BODY_MAX_LENGTH} characters.`;
  return null;
}

/** The refusal for a priority the plan does not offer, naming the plan and what it offers. */
export function unavailablePriorityMessage(plan: Plan, priority: Priority): string {
  const labels = LABELS.en;
  const offered = availablePriorities(plan).map((p) => labels.priority[p].toLowerCase());
  return (
    `The ${labels.plan[plan.id]} plan does not offer ${labels.priority[priority].toLowerCase()} priority; ` +
    `it offers ${offered.join(', ')}.`
  );
}

function event(
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

function openCycle(start: Date, priority: Priority, ctx: PolicyContext): ResponseCycle {
  const policy = slaPolicyFor(ctx.plan, priority, ctx.calendar);
  return { startedAt: start, dueAt: policy ? dueAtFor(start, policy) : null, respondedAt: null, policy };
}

function isCustomerSide(actor: ActorRef): boolean {
  return actor.role === 'customer' || actor.role === 'org_admin';
}

function statusEvents(from: Status, to: Status, actor: ActorRef, at: Date): TimelineEvent[] {
  return from === to ? [] : [event('status_changed', actor, at, { from, to })];
}

function create(
  action: Extract<LifecycleAction, { type: 'create' }>,
  actor: ActorRef,
  ctx: PolicyContext,
): TransitionResult {
  if (!isCustomerSide(actor) || !actor.userId) {
    return fail('forbidden', 'Only customers open tickets.');
  }
  const problem = checkSubject(action.subject) ?? checkBody(action.body);
  if (problem) return fail('invalid', problem);
  if (!isCategory(action.category)) return fail('invalid', `Unknown category "${String(action.category)}".`);
  const priority = action.priority ?? DEFAULT_PRIORITY;
  if (!isPriority(priority)) return fail('invalid', `Unknown priority "${String(priority)}".`);
  if (!offersPriority(ctx.plan, priority)) return priorityUnavailable(ctx.plan, priority);

  const cycle = openCycle(ctx.now, priority, ctx);
  return {
    ok: true,
    state: {
      status: 'awaiting_response',
      priority,
      category: action.category,
      createdBy: actor.userId,
      assigneeId: null,
      autoCloseAt: null,
      closedAt: null,
      closedBy: null,
      openCycle: cycle,
    },
    events: [event('created', actor, ctx.now, { to: 'awaiting_response' })],
    cycles: [{ type: 'open', cycle }],
    message: { visibility: 'public', body: action.body },
  };
}

const accept: Decide<Extract<LifecycleAction, { type: 'accept' }>> = (ticket, _action, actor, ctx) => {
  if (actor.role !== 'agent' || !actor.userId) return fail('forbidden', 'Only support agents accept tickets.');
  const alreadyMine = ticket.assigneeId === actor.userId;
  if (alreadyMine && ticket.status !== 'awaiting_response') {
    return fail('conflict', 'You have already accepted this ticket.', { kind: 'already_accepted' });
  }
  // Accepting a ticket that waits on the customer only takes it over; the customer still owes the answer.
  const status: Status = ticket.status === 'awaiting_response' ? 'in_progress' : ticket.status;
  const events = [event('accepted', actor, ctx.now, { from: ticket.assigneeId, to: actor.userId })];
  events.push(...statusEvents(ticket.status, status, actor, ctx.now));
  return {
    ok: true,
    state: { ...ticket, status, assigneeId: actor.userId },
    events,
    cycles: [],
    message: null,
  };
};

const reply: Decide<Extract<LifecycleAction, { type: 'reply' }>> = (ticket, action, actor, ctx) => {
  const problem = checkBody(action.body);
  if (actor.role === 'system' || !actor.userId) return fail('forbidden', 'Only people reply to tickets.');
  if (problem) return fail('invalid', problem);
  const message: NewMessage = { visibility: 'public', body: action.body };

  if (actor.role === 'agent') {
    const events: TimelineEvent[] = [];
    let assigneeId = ticket.assigneeId;
    if (!assigneeId) {
      assigneeId = actor.userId;
      events.push(event('assigned', actor, ctx.now, { to: actor.userId }));
    }
    events.push(event('replied', actor, ctx.now));
    events.push(...statusEvents(ticket.status, 'awaiting_customer', actor, ctx.now));
    return {
      ok: true,
      state: {
        ...ticket,
        status: 'awaiting_customer',
        assigneeId,
        openCycle: null,
        autoCloseAt: autoCloseAt(ctx.now, ctx.autoCloseHours ?? DEFAULT_AUTO_CLOSE_HOURS),
      },
      events,
      cycles: ticket.openCycle ? [{ type: 'respond', respondedAt: ctx.now }] : [],
      message,
    };
  }

  // A customer message while support owes a reply changes neither the status nor the due time.
  if (ticket.status !== 'awaiting_customer') {
    return { ok: true, state: ticket, events: [event('replied', actor, ctx.now)], cycles: [], message };
  }
  // The customer answered: support owes a reply again, under the plan in force now.
  const cycle = openCycle(ctx.now, ticket.priority, ctx);
  return {
    ok: true,
    state: { ...ticket, status: 'awaiting_response', autoCloseAt: null, openCycle: cycle },
    events: [
      event('replied', actor, ctx.now),
      ...statusEvents(ticket.status, 'awaiting_response', actor, ctx.now),
    ],
    cycles: [{ type: 'open', cycle }],
    message,
  };
};

const note: Decide<Extract<LifecycleAction, { type: 'note' }>> = (ticket, action, actor, ctx) => {
  if (actor.role !== 'agent') return fail('forbidden', 'Only support agents write internal notes.');
  const problem = checkBody(action.body);
  if (problem) return fail('invalid', problem);
  return {
    ok: true,
    state: ticket,
    events: [event('note_added', actor, ctx.now, { internal: true })],
    cycles: [],
    message: { visibility: 'internal', body: action.body },
  };
};

const update: Decide<Extract<LifecycleAction, { type: 'update' }>> = (ticket, action, actor, ctx) => {
  if (actor.role !== 'agent') return fail('forbidden', 'Only support agents change priority or category.');
  if (action.priority === undefined && action.category === undefined) {
    return fail('invalid', 'Say what to change: a priority or a category.');
  }
  if (action.priority !== undefined && !isPriority(action.priority)) {
    return fail('invalid', `Unknown priority "${String(action.priority)}".`);
  }
  if (action.category !== undefined && !isCategory(action.category)) {
    return fail('invalid', `Unknown category "${String(action.category)}".`);
  }
  const priority = action.priority ?? ticket.priority;
  const category = action.category ?? ticket.category;
  if (priority === ticket.priority && category === ticket.category) {
    return fail('invalid', 'The ticket already has this priority and category.', { kind: 'nothing_to_change' });
  }
  const events: TimelineEvent[] = [];
  const cycles: CycleChange[] = [];
  let cycle = ticket.openCycle;
  if (priority !== ticket.priority) {
    if (!offersPriority(ctx.plan, priority)) return priorityUnavailable(ctx.plan, priority);
    events.push(event('priority_changed', actor, ctx.now, { from: ticket.priority, to: priority }));
    if (cycle) {
      // The open cycle is re-measured from its own start with the new target (SPEC §3.4).
      const recomputed = openCycle(cycle.startedAt, priority, ctx);
      cycle = { ...cycle, dueAt: recomputed.dueAt, policy: recomputed.policy };
      cycles.push({ type: 'reschedule', dueAt: cycle.dueAt, policy: cycle.policy });
    }
  }
  if (category !== ticket.category) {
    events.push(event('category_changed', actor, ctx.now, { from: ticket.category, to: category }));
  }
  return { ok: true, state: { ...ticket, priority, category, openCycle: cycle }, events, cycles, message: null };
};

const close: Decide<Extract<LifecycleAction, { type: 'close' }>> = (ticket, _action, actor, ctx) => {
  if (actor.role === 'system') return fail('forbidden', 'The system closes tickets only when they are due.');
  const closedBy: ClosedBy = actor.role === 'agent' ? 'agent' : 'customer';
  return closed(ticket, actor, ctx.now, closedBy);
};

const autoClose: Decide<Extract<LifecycleAction, { type: 'autoClose' }>> = (ticket, _action, actor, ctx) => {
  if (actor.role !== 'system') return fail('forbidden', 'Only the system closes tickets automatically.');
  if (ticket.status !== 'awaiting_customer' || !ticket.autoCloseAt) {
    return fail('conflict', 'The ticket is not waiting on the customer.');
  }
  if (ticket.autoCloseAt.getTime() > ctx.now.getTime()) {
    return fail('conflict', `The ticket is not due to close before ${ticket.autoCloseAt.toISOString()}.`);
  }
  return closed(ticket, actor, ctx.now, 'system');
};

function closed(ticket: TicketState, actor: ActorRef, now: Date, closedBy: ClosedBy): TransitionResult {
  return {
    ok: true,
    state: { ...ticket, status: 'closed', closedAt: now, closedBy, autoCloseAt: null, openCycle: null },
    events: [event('closed', actor, now, { from: ticket.status, to: closedBy })],
    cycles: [],
    message: null,
  };
}
