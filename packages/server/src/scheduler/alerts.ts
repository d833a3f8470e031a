import { autoCloseWarningAt, autoCloseWarningLeadHours, dueSlaAlerts, timelineEvent } from '@support-tickets/core';
import { and, asc, eq, isNotNull, isNull, lte, max, ne, or } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { responseCycles, ticketEvents, tickets } from '../db/schema';
import { SYSTEM_CALLER } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { recordNotifications, recordTimelineNotifications } from '../shared/outbox';

/** What the alert sweep needs besides the service: how long before closing the customer is warned. */
export type AlertDeps = ServiceDeps & { autoCloseWarningHours: number };

const BATCH = 100;
const HOUR = 3_600_000;

/** The lead of the auto-close warning, as core bounds it. */
const warningLeadMs = (deps: AlertDeps) => autoCloseWarningLeadHours(deps.autoCloseWarningHours, deps.autoCloseHours) * HOUR;

/** Tickets waiting on the customer not yet warned of their current auto-close time. */
const unwarned = and(isNotNull(tickets.autoCloseAt), or(isNull(tickets.autoCloseWarnedFor), ne(tickets.autoCloseWarnedFor, tickets.autoCloseAt)));

/**
 * Records every SLA alert and auto-close warning due now in the outbox, each exactly once:
 * a conditional update marks the cycle or ticket in the transaction that records it, so
 * sweeps of several processes, or after a restart, never record one twice. Returns how many.
 */
export async function sendDueAlerts(deps: AlertDeps): Promise<number> {
  const now = deps.now();
  const { db } = deps.database;
  const cycles = await db
    .selectDistinct({ id: responseCycles.id })
    .from(responseCycles)
    .where(
      and(
        isNull(responseCycles.respondedAt),
        or(and(isNull(responseCycles.atRiskNotifiedAt), lte(responseCycles.atRiskAt, now)), and(isNull(responseCycles.breachNotifiedAt), lte(responseCycles.dueAt, now))),
      ),
    )
    .limit(BATCH);
  const warn = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(lte(tickets.autoCloseAt, new Date(now.getTime() + warningLeadMs(deps))), unwarned))
    .orderBy(asc(tickets.autoCloseAt))
    .limit(BATCH);
  if (cycles.length === 0 && warn.length === 0) return 0;
  const warned: Array<{ id: string; orgId: string; createdBy: string }> = [];
  const sent = await deps.database.write(async (tx) => {
    let count = 0;
    for (const { id } of cycles) count += await alertCycle(tx, deps, id, now);
    for (const { id } of warn) {
      const ticket = await warnTicket(tx, deps, id, now);
      if (ticket) (warned.push(ticket), count++);
    }
    return count;
  });
  for (const ticket of warned) {
    deps.changes.publish({ ticketId: ticket.id, orgId: ticket.orgId, createdBy: ticket.createdBy, kinds: ['auto_close_warning'], at: now, autoCloseChanged: false });
  }
  return sent + (cycles.length === BATCH || warn.length === BATCH ? await sendDueAlerts(deps) : 0);
}

async function alertCycle(tx: Transaction, deps: AlertDeps, cycleId: string, now: Date): Promise<number> {
  const row = await tx
    .select({ cycle: responseCycles, status: tickets.status, orgId: tickets.orgId })
    .from(responseCycles)
    .innerJoin(tickets, eq(tickets.id, responseCycles.ticketId))
    .where(eq(responseCycles.id, cycleId))
    .get();
  if (!row || row.cycle.respondedAt) return 0;
  const { cycle } = row;
  const due = dueSlaAlerts({ atRiskAt: cycle.atRiskAt, dueAt: cycle.dueAt, atRiskSent: !!cycle.atRiskNotifiedAt, breachSent: !!cycle.breachNotifiedAt }, now);
  // A closed ticket's unanswered cycle is past alerting: marked, so it leaves the sweep, and nothing sent.
  const closed = row.status === 'closed';
  if (!closed && !due.markAtRisk && !due.markBreach) return 0;
  const marked = await tx
    .update(responseCycles)
    .set({
      ...(due.markAtRisk || closed ? { atRiskNotifiedAt: now } : {}),
      ...(due.markBreach || closed ? { breachNotifiedAt: now } : {}),
    })
    .where(
      and(
        eq(responseCycles.id, cycleId),
        // Whoever marks first records the alert; a racing sweep finds it marked and does nothing.
        due.markAtRisk ? isNull(responseCycles.atRiskNotifiedAt) : undefined,
        due.markBreach ? isNull(responseCycles.breachNotifiedAt) : undefined,
      ),
    );
  if (closed || marked.rowsAffected !== 1 || due.send.length === 0) return 0;
  await recordNotifications(
    tx,
    { ticketId: cycle.ticketId, orgId: row.orgId, messageId: null, actorId: null, at: now },
    due.send.map((type) => ({ type, internal: false })),
  );
  return due.send.length;
}

async function warnTicket(tx: Transaction, deps: AlertDeps, ticketId: string, now: Date) {
  const row = await tx.select().from(tickets).where(and(eq(tickets.id, ticketId), unwarned)).get();
  if (!row?.autoCloseAt || row.status !== 'awaiting_customer') return null;
  if (autoCloseWarningAt(row.autoCloseAt, deps.autoCloseWarningHours, deps.autoCloseHours) > now) return null;
  const marked = await tx
    .update(tickets)
    .set({ autoCloseWarnedFor: row.autoCloseAt })
    .where(and(eq(tickets.id, ticketId), eq(tickets.autoCloseAt, row.autoCloseAt), unwarned));
  if (marked.rowsAffected !== 1) return null;
  const event = timelineEvent('auto_close_warning', SYSTEM_CALLER, now, { to: row.autoCloseAt.toISOString() });
  const last = await tx.select({ seq: max(ticketEvents.seq) }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).get();
  await tx.insert(ticketEvents).values({ ...event, ticketId, seq: (last?.seq ?? 0) + 1, orgId: row.orgId, actorName: null, messageId: null });
  await recordTimelineNotifications(tx, deps, { ticketId, orgId: row.orgId, messageId: null, actorId: null, at: now }, [event]);
  return { id: row.id, orgId: row.orgId, createdBy: row.createdBy };
}

/** The next instant an alert or warning falls due (null when none is pending). */
export async function nextAlertAt(deps: AlertDeps): Promise<Date | null> {
  const { db } = deps.database;
  const [risk, breach, close] = await Promise.all([
    db.select({ at: responseCycles.atRiskAt }).from(responseCycles).where(and(isNull(responseCycles.atRiskNotifiedAt), isNull(responseCycles.respondedAt), isNotNull(responseCycles.atRiskAt))).orderBy(asc(responseCycles.atRiskAt)).limit(1).get(),
    db.select({ at: responseCycles.dueAt }).from(responseCycles).where(and(isNull(responseCycles.breachNotifiedAt), isNull(responseCycles.respondedAt), isNotNull(responseCycles.dueAt))).orderBy(asc(responseCycles.dueAt)).limit(1).get(),
    db.select({ at: tickets.autoCloseAt }).from(tickets).where(unwarned).orderBy(asc(tickets.autoCloseAt)).limit(1).get(),
  ]);
  const times = [risk?.at, breach?.at, close?.at ? new Date(close.at.getTime() - warningLeadMs(deps)) : null].filter((at): at is Date => !!at);
  return times.length === 0 ? null : new Date(Math.min(...times.map((at) => at.getTime())));
}

