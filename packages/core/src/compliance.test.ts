import { describe, expect, it } from 'vitest';
import { complianceLevel, complianceOver, cycleOutcome, openSlaCounts, type OpenTicketSla } from './compliance';
import { PLANS } from './plans';
import { slaPolicyFor } from './sla';
import type { ResponseCycle } from './sla-types';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

/** A 24/7 enterprise-normal cycle (12 h) started `startedAgo` before now. */
function cycle(startedAgo: number, respondedAgo: number | null, target = 12 * HOUR): ResponseCycle {
  const startedAt = ago(startedAgo);
  return {
    startedAt,
    dueAt: new Date(startedAt.getTime() + target),
    respondedAt: respondedAgo === null ? null : ago(respondedAgo),
    policy: slaPolicyFor(PLANS.enterprise, 'normal'),
  };
}

describe('cycleOutcome', () => {
  it('is met when answered at or before the due time, settled at the answer', () => {
    const answered = cycle(20 * HOUR, 10 * HOUR);
    expect(cycleOutcome(answered, null, NOW)).toEqual({ met: true, settledAt: ago(10 * HOUR) });
    const atTheDue = cycle(20 * HOUR, 8 * HOUR);
    expect(cycleOutcome(atTheDue, null, NOW)).toEqual({ met: true, settledAt: ago(8 * HOUR) });
  });

  it('is missed from the due time on when answered late or not at all', () => {
    expect(cycleOutcome(cycle(20 * HOUR, 7 * HOUR), null, NOW)).toEqual({ met: false, settledAt: ago(8 * HOUR) });
    expect(cycleOutcome(cycle(20 * HOUR, null), null, NOW)).toEqual({ met: false, settledAt: ago(8 * HOUR) });
  });

  it('is not known yet while open and not due', () => {
    expect(cycleOutcome(cycle(2 * HOUR, null), null, NOW)).toBeNull();
  });

  it('treats a close while waiting like slaState does: in time if before the due', () => {
    const waiting = cycle(20 * HOUR, null);
    expect(cycleOutcome(waiting, ago(10 * HOUR), NOW)).toEqual({ met: true, settledAt: ago(10 * HOUR) });
    expect(cycleOutcome(waiting, ago(1 * HOUR), NOW)).toEqual({ met: false, settledAt: ago(8 * HOUR) });
  });

  it('has no outcome without a target', () => {
    expect(cycleOutcome({ startedAt: ago(DAY), dueAt: null, respondedAt: null, policy: null }, null, NOW)).toBeNull();
  });
});

describe('complianceOver', () => {
  it('counts the cycles settled inside the window (worked by hand)', () => {
    const cycles = [
      { cycle: cycle(2 * DAY, 2 * DAY - HOUR), ticketClosedAt: null }, // met 2 days ago
      { cycle: cycle(3 * DAY, null), ticketClosedAt: null }, // missed: due 2.5 days ago, never answered
      { cycle: cycle(10 * DAY, 9 * DAY), ticketClosedAt: null }, // missed (answered 12 h late): due 9.5 days ago
      { cycle: cycle(20 * DAY, 20 * DAY - HOUR), ticketClosedAt: null }, // met 20 days ago
      { cycle: cycle(40 * DAY, 40 * DAY - HOUR), ticketClosedAt: null }, // met 40 days ago: outside both
      { cycle: cycle(HOUR, null), ticketClosedAt: null }, // open, not due: not counted
    ];
    expect(complianceOver(cycles, NOW, 7)).toEqual({ met: 1, missed: 1, total: 2, share: 0.5, level: 'poor' });
    expect(complianceOver(cycles, NOW, 30)).toEqual({ met: 2, missed: 2, total: 4, share: 0.5, level: 'poor' });
  });

  it('puts a cycle settled exactly at the window start outside it, and one settled now inside', () => {
    const edge = [
      { cycle: cycle(7 * DAY + HOUR, 7 * DAY), ticketClosedAt: null },
      { cycle: cycle(12 * HOUR, null), ticketClosedAt: null }, // due exactly now: missed now
    ];
    expect(complianceOver(edge, NOW, 7)).toEqual({ met: 0, missed: 1, total: 1, share: 0, level: 'poor' });
  });

  it('has no share when nothing settled', () => {
    expect(complianceOver([], NOW, 7)).toEqual({ met: 0, missed: 0, total: 0, share: null, level: 'none' });
  });
});

describe('complianceLevel', () => {
  it.each([
    [1, 'good'],
    [0.95, 'good'],
    [0.9499, 'fair'],
    [0.8, 'fair'],
    [0.7999, 'poor'],
    [0, 'poor'],
    [null, 'none'],
  ] as const)('reads a share of %s as %s', (share, level) => {
    expect(complianceLevel(share)).toBe(level);
  });
});

describe('openSlaCounts', () => {
  const open = (planId: OpenTicketSla['planId'], priority: OpenTicketSla['priority'], status: OpenTicketSla['status'], cycles: ResponseCycle[]): OpenTicketSla => ({
    planId,
    priority,
    status,
    cycles,
  });

  it('counts each open ticket under its plan and priority by its SLA state', () => {
    const rows = openSlaCounts(
      [
        open('enterprise', 'normal', 'awaiting_response', [cycle(13 * HOUR, null)]), // breached
        open('enterprise', 'normal', 'in_progress', [cycle(10 * HOUR, null)]), // 2 h of 12 left: at risk
        open('enterprise', 'normal', 'awaiting_response', [cycle(HOUR, null)]), // on track
        open('enterprise', 'normal', 'awaiting_customer', [cycle(HOUR, 0)]), // paused
        open('enterprise', 'normal', 'closed', [cycle(HOUR, 0)]), // closed: not counted
        open('custom', 'high', 'awaiting_response', [{ startedAt: ago(HOUR), dueAt: null, respondedAt: null, policy: null }]),
      ],
      NOW,
    );
    expect(rows.find((r) => r.planId === 'enterprise' && r.priority === 'normal')).toEqual({
      planId: 'enterprise',
      priority: 'normal',
      breached: 1,
      atRisk: 1,
      onTrack: 1,
      paused: 1,
      none: 0,
      total: 4,
    });
    expect(rows.at(-1)).toEqual({ planId: 'custom', priority: 'high', breached: 0, atRisk: 0, onTrack: 0, paused: 0, none: 1, total: 1 });
  });

  it('keeps a zero row for every priority each plan of the table offers, in table order', () => {
    const rows = openSlaCounts([], NOW);
    expect(rows.map((r) => `${r.planId}/${r.priority}`)).toEqual([
      'enterprise/critical',
      'enterprise/urgent',
      'enterprise/high',
      'enterprise/normal',
      'enterprise/low',
      'sme/critical',
      'sme/urgent',
      'sme/high',
      'sme/normal',
      'sme/low',
      'business/urgent',
      'business/high',
      'business/normal',
      'business/low',
      'developer/normal',
      'developer/low',
    ]);
    expect(rows.every((r) => r.total === 0)).toBe(true);
  });

  it('adds a row for a priority the plan no longer offers', () => {
    const rows = openSlaCounts([open('developer', 'critical', 'awaiting_response', [cycle(HOUR, null, 30 * 60_000)])], NOW);
    const index = rows.findIndex((r) => r.planId === 'developer' && r.priority === 'critical');
    expect(rows[index]).toMatchObject({ breached: 1, total: 1 });
    expect(rows[index + 1]).toMatchObject({ planId: 'developer', priority: 'normal' });
  });
});
