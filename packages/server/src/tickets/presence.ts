import { isPresent, PRESENCE_TTL_MS, type PresenceState } from '@support-tickets/core';
import { and, eq, gt, inArray, lt, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { presence, tickets, type PresenceRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { preparedOn } from '../shared/prepared';
import { ok, ticketNotFound, type Result } from '../shared/result';
import type { PresenceOutput } from './output';

// Presence (SPEC §8): which agents have a ticket open, and who is typing. Kept in the database
// so every server process sees every agent; a row stops showing once core's time to live has
// passed since its last heartbeat, so a closed tab fades without saying goodbye.

/** Rows this much older than the time to live are removed by the next heartbeat. */
const FORGET_AFTER_MS = 10 * PRESENCE_TTL_MS;

/** An agent's heartbeat in a ticket; answers who else is there now. */
export async function beat(deps: ServiceDeps, caller: Caller, ticketId: string, state: PresenceState): Promise<Result<PresenceOutput[]>> {
  const { db } = deps.database;
  const exists = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticketId)).get();
  if (!exists || !caller.userId) return ticketNotFound();
  const now = deps.now();
  const row = { ticketId, userId: caller.userId, name: caller.name, state, seenAt: now };
  await deps.database.write(async (tx) => {
    await tx.insert(presence).values(row).onConflictDoUpdate({ target: [presence.ticketId, presence.userId], set: { name: row.name, state, seenAt: now } });
    await tx.delete(presence).where(lt(presence.seenAt, new Date(now.getTime() - FORGET_AFTER_MS)));
  });
  return ok((await presenceIn(db, caller, [ticketId], now)).get(ticketId) ?? []);
}

/** The agent left the ticket: they stop showing at once rather than when their heartbeat ages out. */
export async function leave(deps: ServiceDeps, caller: Caller, ticketId: string): Promise<void> {
  await deps.database.write((tx) => tx.delete(presence).where(and(eq(presence.ticketId, ticketId), eq(presence.userId, caller.userId ?? ''))));
}

/** Presence rows of `inTickets` seen after `since`, other than the viewer's, as a WHERE condition. */
export function presentWhere(inTickets: SQL, since: Date | Placeholder, viewerId: string | Placeholder): SQL | undefined {
  return and(inTickets, gt(presence.seenAt, since), ne(presence.userId, viewerId));
}

/** The instant after which a heartbeat still shows at `now`. */
export const presenceSince = (now: Date) => new Date(now.getTime() - PRESENCE_TTL_MS);

/** Who else is in each of these tickets now, for an agent; nothing at all for anyone else. */
export async function presenceIn(db: Queryable, viewer: Caller, ticketIds: readonly string[], now: Date): Promise<Map<string, PresenceOutput[]>> {
  if (viewer.role !== 'agent' || ticketIds.length === 0) return new Map();
  const since = presenceSince(now);
  const viewerId = viewer.userId ?? '';
  const rows =
    ticketIds.length === 1
      ? // One ticket's (ticket.get): its SQL is built once.
        await preparedOn(db, 'presence.ofTicket', (db) =>
          db
            .select()
            .from(presence)
            .where(presentWhere(eq(presence.ticketId, sql.placeholder('ticketId')), sql.placeholder('since'), sql.placeholder('viewerId')))
            .prepare(),
        ).all({ ticketId: ticketIds[0], since: since.getTime(), viewerId })
      : await db
          .select()
          .from(presence)
          .where(presentWhere(inArray(presence.ticketId, [...ticketIds]), since, viewerId));
  const byTicket = new Map<string, PresenceRow[]>();
  for (const row of rows) {
    const list = byTicket.get(row.ticketId) ?? [];
    list.push(row);
    byTicket.set(row.ticketId, list);
  }
  return new Map([...byTicket].map(([ticketId, list]) => [ticketId, presenceOutputs(list, now)]));
}

/** A ticket's presence rows as they show at `now`: those still alive, by name. */
export function presenceOutputs(rows: readonly PresenceRow[], now: Date): PresenceOutput[] {
  return rows
    .filter((row) => isPresent(row.seenAt, now))
    // Few rows per ticket: sorted here, so the read stays on the primary key's order.
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((row) => ({ userId: row.userId, name: row.name, state: row.state }));
}
