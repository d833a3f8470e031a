import type { TicketState } from '@support-tickets/core';
import type { ResponseCycleRow, TicketRow } from '../db/schema';
import { toCycle } from '../shared/cycles';

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
