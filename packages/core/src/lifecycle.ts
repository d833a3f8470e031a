import { actionRefusal } from './actions';
import type { Plan, Priority, Status } from './domain';
import { DEFAULT_PRIORITY, isCategory, isPriority } from './domain';
import { LABELS } from './labels';
import {
  DEFAULT_AUTO_CLOSE_HOURS,
  refusal as fail,
  timelineEvent as event,
  type ActorRef,
  type ClosedBy,
  type CycleChange,
  type LifecycleAction,
  type NewMessage,
  type PolicyContext,
  type TicketState,
  type TimelineEvent,
  type TransitionResult,
} from './lifecycle-types';
import { availablePriorities, offersPriority } from './plans';
import { autoCloseAt, dueAtFor, slaPolicyFor } from './sla';
import type { ResponseCycle } from './sla-types';
import { checkText, describeTextProblem, type TextField } from './text';

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
  const refused = actionRefusal(current, action.type, actor);
  if (refused) return { ok: false, error: refused };
  switch (action.type) {
    case 'accept':
      return accept(current, action, actor, ctx);
    case 'reply':
      return reply(current, action, actor, ctx);
    case 'note':
      return note(current, action, actor, ctx);
    case 'update':
      return update(current, action, actor, ctx);
    case 'assign':
      return assign(current, action, actor, ctx);
    case 'close':
      return close(current, action, actor, ctx);
    case 'autoClose':
      return autoClose(current, action, actor, ctx);
  }
}

/** A text refused by its field's rule, with the problem in data. */
function textRefused(field: TextField, text: string): TransitionResult | null {
  const problem = checkText(field, text);
  return problem ? fail('invalid', describeTextProblem(field, problem), { kind: 'text_invalid', field, ...problem }) : null;
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
  const badText = textRefused('subject', action.subject) ?? textRefused('body', action.body);
  if (badText) return badText;
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

// Who may act was settled by `actionRefusal` before any of these runs.

const accept: Decide<Extract<LifecycleAction, { type: 'accept' }>> = (ticket, _action, actor, ctx) => {
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
  const badText = textRefused('body', action.body);
  if (badText) return badText;
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
  const badText = textRefused('body', action.body);
  if (badText) return badText;
  return {
    ok: true,
    state: ticket,
    events: [event('note_added', actor, ctx.now, { internal: true })],
    cycles: [],
    message: { visibility: 'internal', body: action.body },
  };
};

const update: Decide<Extract<LifecycleAction, { type: 'update' }>> = (ticket, action, actor, ctx) => {
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

const assign: Decide<Extract<LifecycleAction, { type: 'assign' }>> = (ticket, action, actor, ctx) => {
  const to = action.assignee;
  if (to && !to.known) {
    return fail('invalid', `There is no support agent "${to.id}".`, { kind: 'unknown_agent', assigneeId: to.id });
  }
  const assigneeId = to?.id ?? null;
  if (assigneeId === ticket.assigneeId) {
    return fail('invalid', assigneeId ? 'The ticket is already assigned to this agent.' : 'The ticket has no assignee.', {
      kind: 'nothing_to_change',
    });
  }
  return {
    ok: true,
    state: { ...ticket, assigneeId },
    events: [event('assigned', actor, ctx.now, { from: ticket.assigneeId, to: assigneeId })],
    cycles: [],
    message: null,
  };
};

const close: Decide<Extract<LifecycleAction, { type: 'close' }>> = (ticket, _action, actor, ctx) => {
  const closedBy: ClosedBy = actor.role === 'agent' ? 'agent' : 'customer';
  return closed(ticket, actor, ctx.now, closedBy);
};

const autoClose: Decide<Extract<LifecycleAction, { type: 'autoClose' }>> = (ticket, _action, actor, ctx) => {
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
