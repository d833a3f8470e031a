import type { Status } from './domain';
import { refusal, type ActorRef, type LifecycleError } from './lifecycle-types';

/** What a person can do to an existing ticket, by name (`create` makes one; `autoClose` is the system's). */
export const TICKET_ACTIONS = ['accept', 'reply', 'note', 'update', 'assign', 'close'] as const;
export type TicketActionName = (typeof TICKET_ACTIONS)[number];

/** What deciding who may act on a ticket reads of it. */
export interface TicketStanding {
  status: Status;
  assigneeId: string | null;
}

const forbidden = (message: string): LifecycleError => refusal('forbidden', message).error;

/**
 * Why this actor may not take this action on the ticket as it stands (its role, or the
 * ticket's status and assignee), or null when they may. What the action carries (a text, a
 * priority the plan offers) is judged separately, by `applyAction`. The one place these rules
 * live: `applyAction` refuses with this, and `allowedActions` lists what it lets through.
 */
export function actionRefusal(
  ticket: TicketStanding,
  action: TicketActionName | 'autoClose',
  actor: ActorRef,
): LifecycleError | null {
  if (ticket.status === 'closed') {
    return refusal('conflict', 'This ticket is closed and cannot be changed. Open a new ticket instead.', {
      kind: 'ticket_closed',
    }).error;
  }
  switch (action) {
    case 'accept':
      if (actor.role !== 'agent' || !actor.userId) return forbidden('Only support agents accept tickets.');
      // Accepting again is pointless once it is yours and someone is working on it.
      if (ticket.assigneeId === actor.userId && ticket.status !== 'awaiting_response') {
        return refusal('conflict', 'You have already accepted this ticket.', { kind: 'already_accepted' }).error;
      }
      return null;
    case 'reply':
      return actor.role === 'system' || !actor.userId ? forbidden('Only people reply to tickets.') : null;
    case 'note':
      return actor.role !== 'agent' ? forbidden('Only support agents write internal notes.') : null;
    case 'update':
      return actor.role !== 'agent' ? forbidden('Only support agents change priority or category.') : null;
    case 'assign':
      return actor.role !== 'agent' ? forbidden('Only support agents assign tickets.') : null;
    case 'close':
      return actor.role === 'system' ? forbidden('The system closes tickets only when they are due.') : null;
    case 'autoClose':
      return actor.role !== 'system' ? forbidden('Only the system closes tickets automatically.') : null;
  }
}

/**
 * The actions this actor may take on the ticket now, in `TICKET_ACTIONS` order: what a user
 * interface offers. Exactly those `applyAction` does not refuse for who acts or the ticket's
 * state (given acceptable input).
 *
 * @example
 * allowedActions({ status: 'awaiting_response', assigneeId: null }, { role: 'agent', userId: 'a1' });
 * // → ['accept', 'reply', 'note', 'update', 'assign', 'close']
 */
export function allowedActions(ticket: TicketStanding, actor: ActorRef): TicketActionName[] {
  return TICKET_ACTIONS.filter((action) => actionRefusal(ticket, action, actor) === null);
}
