import type { BusinessCalendar } from './calendar';
import type { PlanId, Priority, SupportHours } from './domain';

/** The policy a response cycle was measured under, kept with the cycle so history never moves. */
export interface SlaPolicy {
  planId: PlanId | 'custom';
  priority: Priority;
  targetMinutes: number;
  hours: SupportHours;
  /** The calendar counted, for business hours; null for 24/7. */
  calendar: BusinessCalendar | null;
}

/** One wait for a support reply: from creation or a customer reply, to the next public agent reply. */
export interface ResponseCycle {
  startedAt: Date;
  /** Null where the plan offers no target for the priority. */
  dueAt: Date | null;
  respondedAt: Date | null;
  policy: SlaPolicy | null;
}

export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'met', 'missed', 'paused', 'none'] as const;
export type SlaState = (typeof SLA_STATES)[number];
