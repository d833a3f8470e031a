import type { SlaState } from '@support-tickets/core';

/**
 * The due times shown that the clock has passed since they were read: at each one the server
 * now counts the ticket breached, so the view asks it again (once per due time), instead of
 * deciding it here.
 */
export class Deadlines {
  private readonly passed = new Set<string>();

  /** Whether a ticket among these reached its due time since it was read (and was not asked about yet). */
  passedSince(tickets: Iterable<{ id: string; dueAt: string | null; sla: SlaState }>, now: Date): boolean {
    let passed = false;
    for (const { id, dueAt, sla } of tickets) {
      if (!dueAt || sla === 'breached' || Date.parse(dueAt) > now.getTime() || this.passed.has(`${id} ${dueAt}`)) continue;
      this.passed.add(`${id} ${dueAt}`);
      passed = true;
    }
    return passed;
  }
}
