import { canSeeTicket, seesInternal } from '@support-tickets/core';
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { tickets, type TicketRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import { preparedOn } from '../shared/prepared';
import type { LinkedTicketOutput } from './output';

// Follow-ups (SPEC §8): a ticket names the closed one it follows up; agents see both ways.

const linked = { id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status, orgId: tickets.orgId, createdBy: tickets.createdBy };

const toLinked = ({ id, number, subject, status }: LinkedTicketOutput): LinkedTicketOutput => ({ id, number, subject, status });

/** The ticket `row` follows up (when the viewer may see it), and its follow-ups (agents only). */
export async function followUpLinks(db: Queryable, viewer: Caller, row: TicketRow) {
  const original = row.followUpOf ? await db.select(linked).from(tickets).where(eq(tickets.id, row.followUpOf)).get() : undefined;
  const followUps = seesInternal(viewer)
    ? await preparedOn(db, 'tickets.followUps', (db) => db.select(linked).from(tickets).where(eq(tickets.followUpOf, sql.placeholder('id'))).prepare()).all({ id: row.id })
    : [];
  // Few per ticket: in number order here, so the read stays on its index.
  followUps.sort((a, b) => a.number - b.number);
  return {
    followUpOfTicket: original && canSeeTicket(viewer, original) ? toLinked(original) : null,
    followUps: followUps.map(toLinked),
  };
}

/** The links of a ticket just opened: the one it follows up (read and checked while opening it); nothing follows it up yet. */
export function linksOfNewTicket(viewer: Caller, original: TicketRow | null) {
  return {
    followUpOfTicket: original && canSeeTicket(viewer, original) ? toLinked(original) : null,
    followUps: [] as LinkedTicketOutput[],
  };
}
