import { describe, expect, it } from 'vitest';
import { atRiskAt, autoCloseWarningAt, dueSlaAlerts } from './alerts';
import { DEFAULT_CALENDAR } from './calendar';

const at = (iso: string) => new Date(iso);

describe('atRiskAt', () => {
  it('is a quarter of the target before due around the clock', () => {
    const cycle = { startedAt: at('2026-05-20T06:00:00Z'), dueAt: at('2026-05-20T10:00:00Z'), policy: { planId: 'enterprise', priority: 'high', targetMinutes: 240, hours: '24/7', calendar: null } } as const;
    expect(atRiskAt(cycle)).toEqual(at('2026-05-20T09:00:00Z'));
  });

  it('counts working minutes on business hours: 3/4 of 8 h from a Saturday 09:00 in Tehran is 15:00', () => {
    const cycle = { startedAt: at('2026-05-16T05:30:00Z'), dueAt: at('2026-05-16T13:30:00Z'), policy: { planId: 'developer', priority: 'normal', targetMinutes: 480, hours: 'business', calendar: DEFAULT_CALENDAR } } as const;
    expect(atRiskAt(cycle)).toEqual(at('2026-05-16T11:30:00Z'));
  });

  it('is null without a due time', () => {
    expect(atRiskAt({ startedAt: at('2026-05-20T06:00:00Z'), dueAt: null, policy: null })).toBeNull();
  });
});

describe('dueSlaAlerts', () => {
  const cycle = { atRiskAt: at('2026-05-20T09:00:00Z'), dueAt: at('2026-05-20T10:00:00Z'), atRiskSent: false, breachSent: false };

  it('says nothing before the at-risk moment, then at_risk once, then breached once', () => {
    expect(dueSlaAlerts(cycle, at('2026-05-20T08:59:59Z')).send).toEqual([]);
    expect(dueSlaAlerts(cycle, at('2026-05-20T09:00:00Z'))).toEqual({ send: ['sla.at_risk'], markAtRisk: true, markBreach: false });
    expect(dueSlaAlerts({ ...cycle, atRiskSent: true }, at('2026-05-20T09:30:00Z')).send).toEqual([]);
    expect(dueSlaAlerts({ ...cycle, atRiskSent: true }, at('2026-05-20T10:00:00Z'))).toEqual({ send: ['sla.breached'], markAtRisk: false, markBreach: true });
    expect(dueSlaAlerts({ ...cycle, atRiskSent: true, breachSent: true }, at('2026-05-21T10:00:00Z')).send).toEqual([]);
  });

  it('sends only breached for a cycle found past due, and marks at-risk passed', () => {
    expect(dueSlaAlerts(cycle, at('2026-05-20T11:00:00Z'))).toEqual({ send: ['sla.breached'], markAtRisk: true, markBreach: true });
  });
});

describe('autoCloseWarningAt', () => {
  it('warns the given hours before closing, but never in the first half of the wait', () => {
    expect(autoCloseWarningAt(at('2026-05-22T06:00:00Z'), 24, 48)).toEqual(at('2026-05-21T06:00:00Z'));
    expect(autoCloseWarningAt(at('2026-05-20T08:00:00Z'), 24, 2)).toEqual(at('2026-05-20T07:00:00Z'));
  });
});
