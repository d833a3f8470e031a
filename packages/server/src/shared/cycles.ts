import type { ResponseCycle, SlaPolicy } from '@support-tickets/core';
import type { ResponseCycleRow } from '../db/schema';

// Response cycles between their rows and core, for every part that reads or writes them.

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
