import {
  applyAction,
  atRiskAt,
  canSeeTicket,
  changedSince,
  FIRST_TICKET_NUMBER,
  followUpRefusal,
  pickResources,
  showsToCustomers,
  type Category,
  type LifecycleAction,
  type Priority,
  type Transition,
} from '@support-tickets/core';
import { and, eq, gt, isNull, max, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { attachableRefusal, attachToMessage } from '../attachments/attach';
import type { Transaction } from '../db/client';
import { groupCommitOf } from '../db/group-commit';
import { messages, responseCycles, ticketEvents, tickets, type ResponseCycleRow, type TicketRow } from '../db/schema';
import { loadOrganisation, policyOf } from '../orgs/policy';
import type { Caller } from '../shared/caller';
import { policyColumns } from '../shared/cycles';
import type { ServiceDeps } from '../shared/deps';
import { recordTimelineNotifications } from '../shared/outbox';
import { fail, ok, ticketNotFound, type Result } from '../shared/result';
import { newTicketDetail, type WrittenEffects } from './created';
import { toEventOutput, type TicketDetailOutput } from './output';
import { stateColumns, toTicketState } from './state';

// The write side: read the state, let core decide, write the decision in one transaction,
// conditional on the version read. Nothing here decides a rule of the domain.

export interface NewTicket {
  subject: string;
  body: string;
  category: Category;
  priority?: Priority | undefined;
  /** The caller's own closed ticket this one follows up. */
  followUpOf?: string | undefined;
  /** Resources of the caller's token the ticket is about. */
  resourceIds?: readonly string[] | undefined;
}

/** What a message carries besides its text: the sender's uploads, and what they had on screen. */
export interface SendOptions {
  /** Ids of the sender's own uploads to attach. */
  files?: readonly string[] | undefined;
  /** The number of the newest timeline event the sender saw: the collision guard. */
  seenEventId?: number | undefined;
}

/**
 * Opens a ticket for a customer or org admin of the caller's organisation, with the caller's
 * uploads `files` on its first message. Answers with the ticket as `ticket.get` shows it, made
 * from the rows just written rather than read back.
 */
export async function createTicket(
  deps: ServiceDeps,
  caller: Caller,
  input: NewTicket,
  files: readonly string[] = [],
): Promise<Result<TicketDetailOutput>> {
  const orgId = caller.orgId;
  // Without an organisation there is no plan to decide under; core refuses agents anyway.
  if (!orgId) return fail('forbidden', 'Only customers open tickets.');
  // Concurrent creates share one commit (see db/group-commit.ts).
  const outcome = await groupCommitOf(deps.database).write(async (tx) => {
    const org = await loadOrganisation(tx, orgId);
    if (!org) return fail('not_found', 'No such organisation.');
    const picked = pickResources(caller.resources ?? [], input.resourceIds ?? []);
    if (!picked.ok) return picked;
    let original: TicketRow | null = null;
    if (input.followUpOf !== undefined) {
      original = (await tx.select().from(tickets).where(eq(tickets.id, input.followUpOf)).get()) ?? null;
      // Another person's ticket is as absent as one that never was.
      if (!original || !canSeeTicket(caller, original)) return fail('not_found', 'No such ticket to follow up.');
      const refused = followUpRefusal(original, caller);
      if (refused) return refused;
    }
    const now = deps.now();
    const { subject, body, category, priority } = input;
    const action: Extract<LifecycleAction, { type: 'create' }> = { type: 'create', subject: subject.trim(), body, category, priority };
    const decision = applyAction(null, action, caller, {
      now,
      ...policyOf(org, deps.defaultCalendar),
      autoCloseHours: deps.autoCloseHours,
    });
    if (!decision.ok) return { ok: false as const, error: decision.error };
    const unattachable = await attachableRefusal(tx, caller, files);
    if (unattachable) return { ok: false as const, error: unattachable };
    const id = uuidv7();
    const row = await tx
      .insert(tickets)
      .values({
      id,
      // Taken by the insert itself, under the write lock: no two processes can read the same max.
      number: sql`(SELECT coalesce(max(${tickets.number}) + 1, ${FIRST_TICKET_NUMBER}) FROM ${tickets})`,
      orgId,
      subject: action.subject,
      followUpOf: input.followUpOf ?? null,
      resources: picked.resources,
      createdBy: decision.state.createdBy,
      createdByName: caller.name,
      createdAt: now,
      updatedAt: now,
      publicUpdatedAt: now,
      version: 0,
      ...stateColumns(decision.state),
      })
      .returning()
      .get();
    const written = await writeEffects(tx, deps, { id, orgId }, null, decision, caller, now, files);
    return ok({ row, original, written, at: now, decision });
  });
  if (!outcome.ok) return outcome;
  const { row, original, written, at, decision } = outcome.value;
  publish(deps, row, decision, at, false);
  return ok(await newTicketDetail(deps, caller, row, original, written));
}

/** Raised inside a transaction when the ticket moved since it was read; the write is retried. */
class StaleTicket extends Error {}

const ATTEMPTS = 3;

/**
 * Applies a lifecycle action to a ticket the caller can see. Another writer changing the
 * ticket in between makes the conditional update miss; the whole step is then re-run on the
 * fresh state, so of two racing actions each is decided on what the other left.
 */
export async function actOnTicket(
  deps: ServiceDeps,
  caller: Caller,
  ticketId: string,
  action: Exclude<LifecycleAction, { type: 'create' }>,
  options: SendOptions = {},
): Promise<Result<string>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await deps.database.write((tx) => decideAndWrite(tx, deps, caller, ticketId, action, options));
      if (!outcome.ok) return outcome;
      const { ticket, decision, at, autoCloseChanged } = outcome.value;
      publish(deps, ticket, decision, at, autoCloseChanged);
      return ok(ticket.id);
    } catch (error) {
      if (!(error instanceof StaleTicket)) throw error;
      if (attempt >= ATTEMPTS) return fail('conflict', 'The ticket is being changed by someone else; try again.', { kind: 'ticket_busy' });
    }
  }
}

/**
 * Applies one action to several tickets in one write transaction: one commit (one disk sync)
 * for all, where the system acts on many at once (the auto-close sweep). Each ticket is decided
 * by core on its own, on its state as the transaction reads it; a refusal leaves that ticket as
 * it was and the others go ahead.
 */
export async function actOnEach(
  deps: ServiceDeps,
  caller: Caller,
  ticketIds: readonly string[],
  action: Exclude<LifecycleAction, { type: 'create' }>,
): Promise<Array<Result<string>>> {
  const outcomes = await deps.database.write(async (tx) => {
    const results: Array<Awaited<ReturnType<typeof decideAndWrite>>> = [];
    for (const id of ticketIds) {
      try {
        results.push(await decideAndWrite(tx, deps, caller, id, action));
      } catch (error) {
        // Nothing of this ticket was written (the conditional update is its first write).
        if (!(error instanceof StaleTicket)) throw error;
        results.push(fail('conflict', 'The ticket is being changed by someone else; try again.', { kind: 'ticket_busy' }));
      }
    }
    return results;
  });
  return outcomes.map((outcome) => {
    if (!outcome.ok) return outcome;
    const { ticket, decision, at, autoCloseChanged } = outcome.value;
    publish(deps, ticket, decision, at, autoCloseChanged);
    return ok(ticket.id);
  });
}

async function decideAndWrite(
  tx: Transaction,
  deps: ServiceDeps,
  caller: Caller,
  ticketId: string,
  action: Exclude<LifecycleAction, { type: 'create' }>,
  options: SendOptions = {},
) {
  const row = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).get();
  if (!row || !canSeeTicket(caller, row)) return ticketNotFound();
  const { files = [], seenEventId } = options;
  if (seenEventId !== undefined) {
    const refused = changedSince(await publicEventsAfter(tx, row.id, seenEventId), seenEventId);
    if (refused) return refused;
  }
  const open = await openCycleRow(tx, row.id);
  const org = await loadOrganisation(tx, row.orgId);
  if (!org) throw new Error(`Ticket ${row.id} belongs to a missing organisation ${row.orgId}.`);
  const now = deps.now();
  const decision = applyAction(toTicketState(row, open), action, caller, {
    now,
    ...policyOf(org, deps.defaultCalendar),
    autoCloseHours: deps.autoCloseHours,
  });
  if (!decision.ok) return { ok: false as const, error: decision.error };
  const unattachable = await attachableRefusal(tx, caller, files);
  if (unattachable) return { ok: false as const, error: unattachable };

  const updated = await tx
    .update(tickets)
    .set({
      ...stateColumns(decision.state),
      updatedAt: now,
      ...(showsToCustomers(decision) ? { publicUpdatedAt: now } : {}),
      version: row.version + 1,
    })
    .where(and(eq(tickets.id, row.id), eq(tickets.version, row.version)));
  if (updated.rowsAffected !== 1) throw new StaleTicket();
  await writeEffects(tx, deps, row, open, decision, caller, now, files);
  const autoCloseChanged = (row.autoCloseAt?.getTime() ?? null) !== (decision.state.autoCloseAt?.getTime() ?? null);
  return ok({ ticket: row, decision, at: now, autoCloseChanged });
}

async function openCycleRow(tx: Transaction, ticketId: string): Promise<ResponseCycleRow | null> {
  const row = await tx
    .select()
    .from(responseCycles)
    .where(and(eq(responseCycles.ticketId, ticketId), isNull(responseCycles.respondedAt)))
    .orderBy(sql`${responseCycles.startedAt} desc`, sql`${responseCycles.id} desc`)
    .limit(1)
    .get();
  return row ?? null;
}

/** Persists what core decided besides the ticket row: cycles, the message (with its files), the events and their notifications. */
async function writeEffects(
  tx: Transaction,
  deps: Pick<ServiceDeps, 'mailEnabled'>,
  ticket: { id: string; orgId: string },
  open: ResponseCycleRow | null,
  decision: Transition,
  caller: Caller,
  now: Date,
  files: readonly string[] = [],
): Promise<WrittenEffects> {
  const written: WrittenEffects = { cycleRows: [], message: null, eventRows: [], files: files.length };
  let openId = open?.id ?? null;
  let openStartedAt = open?.startedAt ?? null;
  for (const change of decision.cycles) {
    if (change.type === 'open') {
      openId = uuidv7();
      openStartedAt = change.cycle.startedAt;
      const cycle = await tx
        .insert(responseCycles)
        .values({
          id: openId,
          ticketId: ticket.id,
          startedAt: change.cycle.startedAt,
          dueAt: change.cycle.dueAt,
          respondedAt: change.cycle.respondedAt,
          ...policyColumns(change.cycle.policy),
          atRiskAt: atRiskAt(change.cycle),
        })
        .returning()
        .get();
      written.cycleRows.push(cycle);
      continue;
    }
    if (!openId) throw new Error(`Core asked to ${change.type} a cycle of ticket ${ticket.id}, which has none open.`);
    if (change.type === 'respond') {
      await tx.update(responseCycles).set({ respondedAt: change.respondedAt }).where(eq(responseCycles.id, openId));
      openId = null;
    } else {
      await tx
        .update(responseCycles)
        .set({
          dueAt: change.dueAt,
          ...policyColumns(change.policy),
          atRiskAt: openStartedAt ? atRiskAt({ startedAt: openStartedAt, dueAt: change.dueAt, policy: change.policy }) : null,
        })
        .where(eq(responseCycles.id, openId));
    }
  }

  let messageId: string | null = null;
  if (decision.message) {
    if (caller.role === 'system' || !caller.userId) throw new Error('The system does not write messages.');
    messageId = uuidv7();
    written.message = await tx
      .insert(messages)
      .values({
        id: messageId,
        ticketId: ticket.id,
        authorId: caller.userId,
        authorName: caller.name,
        authorRole: caller.role,
        visibility: decision.message.visibility,
        body: decision.message.body,
        createdAt: now,
      })
      .returning()
      .get();
    await attachToMessage(tx, files, messageId);
  } else if (files.length > 0) {
    throw new Error('Files came with an action that writes no message.');
  }

  if (decision.events.length > 0) {
    // Numbered after the ticket's last event. Writers of one ticket are serialised (the
    // conditional update above holds the write lock), and the unique index guards it anyway.
    const last = await lastEventSeq(tx, ticket.id);
    written.eventRows = await tx
      .insert(ticketEvents)
      .values(
      decision.events.map((event, i) => ({
        ticketId: ticket.id,
        seq: last + i + 1,
        orgId: ticket.orgId,
        kind: event.kind,
        actor: event.actor,
        actorId: event.actorId,
        actorName: event.actorId !== null && event.actorId === caller.userId ? caller.name : null,
        from: event.from,
        to: event.to,
        internal: event.internal,
        // The event that says a message was written points at it.
        messageId: event.kind === 'replied' || event.kind === 'note_added' || event.kind === 'created' ? messageId : null,
        at: event.at,
      })),
      )
      .returning();
  }
  await recordTimelineNotifications(tx, deps, { ticketId: ticket.id, orgId: ticket.orgId, messageId, actorId: caller.userId, at: now }, decision.events);
  return written;
}

/** The events everyone sees that came after the `seq` given, oldest first. */
async function publicEventsAfter(tx: Transaction, ticketId: string, seq: number) {
  const rows = await tx
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), gt(ticketEvents.seq, seq), eq(ticketEvents.internal, false)))
    .orderBy(ticketEvents.seq);
  return rows.map(toEventOutput);
}

/** The number of the ticket's latest event; 0 for a ticket without any yet. */
async function lastEventSeq(tx: Transaction, ticketId: string): Promise<number> {
  const row = await tx.select({ seq: max(ticketEvents.seq) }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).get();
  return row?.seq ?? 0;
}

function publish(
  deps: ServiceDeps,
  ticket: { id: string; orgId: string; createdBy: string },
  decision: Transition,
  at: Date,
  autoCloseChanged: boolean,
): void {
  deps.changes.publish({
    ticketId: ticket.id,
    orgId: ticket.orgId,
    createdBy: ticket.createdBy,
    kinds: decision.events.map((event) => event.kind),
    at,
    autoCloseChanged,
  });
}
