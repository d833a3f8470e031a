import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { NO_ORG, people, tickets } from '../db/schema';
import { placeholderList } from '../shared/conditions';
import { preparedOn } from '../shared/prepared';
import { isOpenTicket } from '../shared/sql';

// The support team as assignment sees it: agents the server has seen a token of (SPEC §8).

export interface AgentOutput {
  id: string;
  name: string;
  /** Open tickets assigned to the agent now. */
  openAssigned: number;
}

/**
 * The assignee an `assign` action names, with whether the server knows them as an agent (core
 * refuses an unknown one); null for nobody.
 */
export async function assigneeOf(db: Queryable, assigneeId: string | null): Promise<{ id: string; known: boolean } | null> {
  if (assigneeId === null) return null;
  const agent = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, NO_ORG), eq(people.id, assigneeId), eq(people.role, 'agent')))
    .get();
  return { id: assigneeId, known: agent !== undefined };
}

/** Every agent the server has seen, by name, with how many open tickets each holds. */
export async function listAgents(db: Queryable): Promise<AgentOutput[]> {
  const load = db
    .select({ assigneeId: tickets.assigneeId, n: count().as('n') })
    .from(tickets)
    .where(isOpenTicket())
    .groupBy(tickets.assigneeId)
    .as('load');
  const rows = await db
    .select({ id: people.id, name: people.name, n: load.n })
    .from(people)
    .leftJoin(load, eq(load.assigneeId, people.id))
    .where(and(eq(people.orgId, NO_ORG), eq(people.role, 'agent')))
    .orderBy(asc(people.name), asc(people.id));
  return rows.map((row) => ({ id: row.id, name: row.name, openAssigned: row.n ?? 0 }));
}

/** Agents' names by id, for the timeline's "who assigned whom". */
export async function agentNames(db: Queryable, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  if (ids.size === 0) return new Map();
  const named = placeholderList('id', [...ids]);
  const rows = await preparedOn(db, `people.agentNames ${ids.size}`, (db) =>
    db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.orgId, NO_ORG), inArray(people.id, named.list))).prepare(),
  ).all(named.values);
  return new Map(rows.map((row) => [row.id, row.name]));
}
