import type { Status } from './domain';
import { refusal, type ActorRef, type Refused } from './lifecycle-types';

// What a customer may still do about a closed ticket (SPEC §8): rate it, and follow it up.

export const RATINGS = ['good', 'bad'] as const;
export type Rating = (typeof RATINGS)[number];

/** A closed ticket may be rated this many days after it closed, once. */
export const RATING_WINDOW_DAYS = 7;

const DAY = 24 * 60 * 60_000;

export interface ClosedTicketFacts {
  status: Status;
  createdBy: string;
  closedAt: Date | null;
  rating: Rating | null;
}

const isCustomerSide = (actor: ActorRef) => actor.role === 'customer' || actor.role === 'org_admin';

/** The last moment a ticket closed at `closedAt` may be rated. */
export const ratingClosesAt = (closedAt: Date): Date => new Date(closedAt.getTime() + RATING_WINDOW_DAYS * DAY);

/** Why this person may not rate the ticket now, or null when they may. */
export function ratingRefusal(ticket: ClosedTicketFacts, actor: ActorRef, now: Date): Refused | null {
  if (!isCustomerSide(actor)) return refusal('forbidden', 'Only the customer rates a ticket.');
  if (ticket.status !== 'closed' || !ticket.closedAt) {
    return refusal('conflict', 'A ticket is rated once it is closed.', { kind: 'not_closed' });
  }
  if (ticket.rating) return refusal('conflict', 'This ticket has been rated already.', { kind: 'already_rated' });
  if (now.getTime() > ratingClosesAt(ticket.closedAt).getTime()) {
    return refusal('conflict', `A ticket can be rated within ${RATING_WINDOW_DAYS} days of closing.`, {
      kind: 'rating_expired',
      days: RATING_WINDOW_DAYS,
    });
  }
  return null;
}

/**
 * Why this person may not open a follow-up of the ticket, or null when they may: only its own
 * creator, and only once it is closed (an open ticket takes a reply instead).
 */
export function followUpRefusal(original: ClosedTicketFacts, actor: ActorRef): Refused | null {
  if (!isCustomerSide(actor) || original.createdBy !== actor.userId) {
    return refusal('forbidden', 'Only the person who opened a ticket follows it up.');
  }
  if (original.status !== 'closed') {
    return refusal('conflict', 'The ticket is still open; reply to it instead of following it up.', { kind: 'not_closed' });
  }
  return null;
}

export type ClosedTicketAction = 'rate' | 'follow_up';

/** What a person may do about a closed ticket now: what a user interface offers. */
export function closedTicketActions(ticket: ClosedTicketFacts, actor: ActorRef, now: Date): ClosedTicketAction[] {
  const actions: ClosedTicketAction[] = [];
  if (!ratingRefusal(ticket, actor, now)) actions.push('rate');
  if (!followUpRefusal(ticket, actor)) actions.push('follow_up');
  return actions;
}

/** Ratings of one plan's tickets: how many good and bad, and the good share (null without any). */
export interface PlanSatisfaction<P extends string = string> {
  planId: P;
  good: number;
  bad: number;
  share: number | null;
}

/**
 * Satisfaction per plan from rated tickets, in the order of `planIds` (every plan listed, rated
 * or not).
 *
 * @example
 * satisfactionByPlan([{ planId: 'sme', rating: 'good' }], ['sme']); // → [{ planId: 'sme', good: 1, bad: 0, share: 1 }]
 */
export function satisfactionByPlan<P extends string>(
  ratings: Iterable<{ planId: P; rating: Rating }>,
  planIds: readonly P[],
): Array<PlanSatisfaction<P>> {
  const rows = new Map(planIds.map((planId): [P, PlanSatisfaction<P>] => [planId, { planId, good: 0, bad: 0, share: null }]));
  for (const { planId, rating } of ratings) {
    const row = rows.get(planId);
    if (row) row[rating] += 1;
  }
  for (const row of rows.values()) row.share = row.good + row.bad > 0 ? row.good / (row.good + row.bad) : null;
  return [...rows.values()];
}
