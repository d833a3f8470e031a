import { canSeeTicket, fillPlaceholders } from '@support-tickets/core';
import { asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { macros, tickets, type MacroRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { fail, ok, ticketNotFound, type Result } from '../shared/result';
import { contains } from '../shared/sql';

// Saved replies (SPEC §8), shared by the support team. Placeholders are filled by core for one
// ticket when an agent picks a reply, so the composer receives the text as it will be sent.

export interface MacroOutput {
  id: string;
  title: string;
  /** As saved, with its `{{…}}` placeholders. */
  body: string;
  /** The body with the placeholders filled for the ticket asked about; null without one. */
  filled: string | null;
  createdBy: string;
  updatedAt: string;
}

const MAX_LISTED = 200;
const macroNotFound = () => fail('not_found', 'No such saved reply.');

/** Saved replies by title (those whose title or body contains `q`), filled for `ticketId` when given. */
export async function listMacros(
  deps: ServiceDeps,
  caller: Caller,
  query: { q?: string | undefined; ticketId?: string | undefined } = {},
): Promise<Result<MacroOutput[]>> {
  const { db } = deps.database;
  let values: Parameters<typeof fillPlaceholders>[1] | null = null;
  if (query.ticketId !== undefined) {
    const ticket = await db.select().from(tickets).where(eq(tickets.id, query.ticketId)).get();
    if (!ticket || !canSeeTicket(caller, ticket)) return ticketNotFound();
    values = { 'customer.name': ticket.createdByName, 'agent.name': caller.name, 'ticket.number': String(ticket.number) };
  }
  const q = query.q?.trim();
  const rows = await db
    .select()
    .from(macros)
    .where(q ? sql`(${contains(macros.title, q)} OR ${contains(macros.body, q)})` : undefined)
    .orderBy(sql`lower(${macros.title})`, asc(macros.id))
    .limit(MAX_LISTED);
  return ok(rows.map((row) => toMacroOutput(row, values)));
}

export async function createMacro(deps: ServiceDeps, caller: Caller, input: { title: string; body: string }): Promise<MacroOutput> {
  const now = deps.now();
  const row: MacroRow = { id: uuidv7(), title: input.title.trim(), body: input.body, createdBy: caller.userId ?? '', createdAt: now, updatedAt: now };
  await deps.database.write((tx) => tx.insert(macros).values(row));
  return toMacroOutput(row, null);
}

export async function updateMacro(
  deps: ServiceDeps,
  input: { id: string; title?: string | undefined; body?: string | undefined },
): Promise<Result<MacroOutput>> {
  if (input.title === undefined && input.body === undefined) return fail('invalid', 'Say what to change: a title or a body.', { kind: 'nothing_to_change' });
  const change = { ...(input.title !== undefined ? { title: input.title.trim() } : {}), ...(input.body !== undefined ? { body: input.body } : {}) };
  const [row] = await deps.database.write((tx) =>
    tx.update(macros).set({ ...change, updatedAt: deps.now() }).where(eq(macros.id, input.id)).returning(),
  );
  return row ? ok(toMacroOutput(row, null)) : macroNotFound();
}

export async function deleteMacro(deps: ServiceDeps, id: string): Promise<Result<{ id: string }>> {
  const deleted = await deps.database.write((tx) => tx.delete(macros).where(eq(macros.id, id)));
  return deleted.rowsAffected === 1 ? ok({ id }) : macroNotFound();
}

function toMacroOutput(row: MacroRow, values: Parameters<typeof fillPlaceholders>[1] | null): MacroOutput {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    filled: values ? fillPlaceholders(row.body, values) : null,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}
