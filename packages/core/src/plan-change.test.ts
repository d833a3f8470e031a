import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from './calendar';
import type { ActorRef } from './lifecycle-types';
import { checkCustomPlan, CUSTOM_PLAN_MAX_MINUTES, decidePlanChange, type OrgPlanState } from './plan-change';
import { PLANS } from './plans';

const NOW = new Date('2026-05-20T08:00:00Z');
const agent: ActorRef = { role: 'agent', userId: 'a1' };
const onDeveloper: OrgPlanState = { plan: PLANS.developer, calendar: null };

describe('checkCustomPlan', () => {
  it('accepts whole positive minutes for at least one priority', () => {
    expect(checkCustomPlan({ responseMinutes: { low: 60 } })).toEqual([]);
    expect(checkCustomPlan({ responseMinutes: { critical: 1, low: CUSTOM_PLAN_MAX_MINUTES } })).toEqual([]);
  });

  it('names every problem, by priority', () => {
    expect(checkCustomPlan({ responseMinutes: {} })).toEqual([{ code: 'no_priority' }]);
    expect(checkCustomPlan({ responseMinutes: { urgent: 0, high: 1.5, normal: -5, low: CUSTOM_PLAN_MAX_MINUTES + 1 } })).toEqual([
      { code: 'target_not_whole_minutes', priority: 'urgent' },
      { code: 'target_not_whole_minutes', priority: 'high' },
      { code: 'target_not_whole_minutes', priority: 'normal' },
      { code: 'target_too_long', priority: 'low', max: CUSTOM_PLAN_MAX_MINUTES },
    ]);
  });
});

describe('decidePlanChange', () => {
  it('moves to a plan of the table with a plan_changed event from the old plan', () => {
    const decision = decidePlanChange(onDeveloper, { plan: 'enterprise' }, agent, NOW);
    expect(decision).toMatchObject({ ok: true, changed: true, state: { plan: PLANS.enterprise, calendar: null } });
    expect(decision.ok && decision.changed && decision.event).toEqual({
      kind: 'plan_changed',
      actor: 'agent',
      actorId: 'a1',
      at: NOW,
      from: 'developer',
      to: 'enterprise',
      internal: false,
    });
  });

  it('stores a custom plan as "custom", whatever id it came with, its targets in table order', () => {
    const decision = decidePlanChange(onDeveloper, { custom: { id: 'enterprise', responseMinutes: { low: 600, critical: 10 }, hours: '24/7' } }, agent, NOW);
    if (!decision.ok) throw new Error(decision.error.message);
    expect(decision.state.plan).toEqual({ id: 'custom', responseMinutes: { critical: 10, low: 600 }, hours: '24/7' });
    expect(Object.keys(decision.state.plan.responseMinutes)).toEqual(['critical', 'low']);
  });

  it('changes nothing when the organisation already has that plan and calendar', () => {
    const custom = { plan: { id: 'custom', responseMinutes: { high: 90 }, hours: 'business' }, calendar: DEFAULT_CALENDAR } as const;
    expect(decidePlanChange(custom, { custom: { responseMinutes: { high: 90 }, hours: 'business' } }, agent, NOW)).toEqual({ ok: true, changed: false, state: custom });
    expect(decidePlanChange(onDeveloper, { plan: 'developer', calendar: null }, agent, NOW)).toMatchObject({ ok: true, changed: false });
    expect(decidePlanChange(onDeveloper, { plan: 'developer', calendar: DEFAULT_CALENDAR }, agent, NOW)).toMatchObject({ ok: true, changed: true });
  });

  it('refuses people other than agents, invalid targets (in data) and invalid calendars', () => {
    expect(decidePlanChange(onDeveloper, { plan: 'sme' }, { role: 'org_admin', userId: 'o1' }, NOW)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const empty = decidePlanChange(onDeveloper, { custom: { responseMinutes: {}, hours: '24/7' } }, agent, NOW);
    expect(empty).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'A custom plan must offer at least one priority.', reason: { kind: 'plan_invalid', problems: [{ code: 'no_priority' }] } },
    });
    const calendar = { ...DEFAULT_CALENDAR, timeZone: 'Mars/Olympus' };
    expect(decidePlanChange(onDeveloper, { plan: 'developer', calendar }, agent, NOW)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
