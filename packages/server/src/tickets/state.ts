import { OPEN_STATUSES, type ResponseCycle, type SlaPolicy, type TicketState } from '@support-tickets/core';
import { inArray, type SQL } from 'drizzle-orm';
import { tickets, type ResponseCycleRow, type TicketRow } from '../db/schema';

/** A ticket still being worked, as a WHERE condition: core's open statuses, which an index on status can serve. */
export const isOpenTicket = (): SQL => inArray(tickets.status, OPEN_STATUSES);

/** A stored cycle as core sees it. */
export function toCycle(row: ResponseCycleRow): ResponseCycle {
  return {
    startedAt: row.startedAt,
    dueAt: row.dueAt,
    respondedAt: row.respondedAt,
    policy: toPolicy(row),
  };
}

function toPolicy(row: ResponseCycleRow): SlaPolicy | null {
  if (row.planId === null || row.priority === null || row.targetMinutes === null || row.hours === null) return null;
  return {
    planId: row.planId,
    priority: row.priority,
    targetMinutes: row.targetMinutes,
    hours: row.hours,
    calendar: row.calendar ?? null,
  };
}

/** The columns that store a cycle's policy snapshot. */
export function policyColumns(policy: SlaPolicy | null) {
  return {
    planId: policy?.planId ?? null,
    priority: policy?.priority ?? null,
    targetMinutes: policy?.targetMinutes ?? null,
    hours: policy?.hours ?? null,
    calendar: policy?.calendar ?? null,
  };
}

/** What core needs to decide a transition, from the ticket row and its open cycle. */
export function toTicketState(row: TicketRow, open: ResponseCycleRow | null): TicketState {
  return {
    status: row.status,
    priority: row.priority,
    category: row.category,
    createdBy: row.createdBy,
    assigneeId: row.assigneeId,
    autoCloseAt: row.autoCloseAt,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    openCycle: open ? toCycle(open) : null,
  };
}

/** The ticket columns a decided state sets. */
export function stateColumns(state: TicketState) {
  return {
    status: state.status,
    priority: state.priority,
    category: state.category,
    assigneeId: state.assigneeId,
    autoCloseAt: state.autoCloseAt,
    closedAt: state.closedAt,
    closedBy: state.closedBy,
    dueAt: state.openCycle?.dueAt ?? null,
  };
}
