import type { PlanId } from '@support-tickets/core';
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { organisations, tickets } from '../db/schema';
import type { Caller } from '../shared/caller';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import type { ServiceDeps } from '../shared/deps';
import { fail, ok, type Result } from '../shared/result';
import { contains, isOpenTicket } from '../shared/sql';

export interface OrganisationListItem {
  id: string;
  name: string;
  planId: PlanId | 'custom';
  /** Tickets not closed. */
  openTickets: number;
}

export interface OrganisationPage {
  items: OrganisationListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface OrganisationQuery {
  /** Part of the name or id, any case. */
  q?: string | undefined;
  planId?: PlanId | 'custom' | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export const DEFAULT_ORG_PAGE_SIZE = 50;

// Keyset on (name without case, id): the order a person scans a list of names in.
const orgCursor = z.tuple([z.string(), z.string().min(1)]);

/** Organisations by name for agents (the queue's filter, the organisation panel), with open ticket counts. */
export async function listOrganisations(
  deps: ServiceDeps,
  caller: Caller,
  query: OrganisationQuery = {},
): Promise<Result<OrganisationPage>> {
  if (caller.role !== 'agent') return fail('forbidden', 'Only support agents list organisations.');
  const limit = query.limit ?? DEFAULT_ORG_PAGE_SIZE;
  let after: [string, string] | null = null;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor, orgCursor);
    if (!after) return fail('invalid', 'The cursor is not valid; start again without one.');
  }
  // The cursor carries SQLite's own sort key (its lower() folds ASCII only), so pages never drift.
  const sortName = sql<string>`lower(${organisations.name})`;
  const q = query.q?.trim();
  const conditions: Array<SQL | undefined> = [
    query.planId !== undefined ? eq(organisations.planId, query.planId) : undefined,
    q ? or(contains(organisations.name, q), contains(organisations.id, q)) : undefined,
    // Spelled out rather than as a row value, which SQLite cannot match to the expression index.
    after
      ? sql`(${sortName} >= ${after[0]} AND (${sortName} > ${after[0]} OR ${organisations.id} > ${after[1]}))`
      : undefined,
  ];

  const { db } = deps.database;
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, planId: organisations.planId, sortName })
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(sortName), asc(organisations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  // Open tickets of this page's organisations only, so a page costs the same however many there are.
  const counts =
    page.length === 0
      ? []
      : await db
          .select({ orgId: tickets.orgId, n: count() })
          .from(tickets)
          .where(and(inArray(tickets.orgId, page.map((org) => org.id)), isOpenTicket()))
          .groupBy(tickets.orgId);
  const openTickets = new Map(counts.map((row) => [row.orgId, row.n]));

  const last = page[page.length - 1];
  return ok({
    items: page.map(({ sortName: _key, ...item }) => ({ ...item, openTickets: openTickets.get(item.id) ?? 0 })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortName, last.id]) : null,
  });
}
