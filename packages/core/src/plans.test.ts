import { describe, expect, it } from 'vitest';
import { PLAN_IDS, PRIORITIES, type PlanId, type Priority } from './domain';
import { availablePriorities, preselectedPriority, offersPriority, PLANS, responseTargetMinutes } from './plans';

// SPEC §2, copied cell by cell as it is written there ('—' = not offered).
const SPEC_TABLE: Record<Priority, Record<PlanId, string>> = {
  low: { enterprise: '24 h', sme: '24 h', business: '48 h', developer: '48 h' },
  normal: { enterprise: '12 h', sme: '12 h', business: '12 h', developer: '24 h' },
  high: { enterprise: '4 h', sme: '8 h', business: '8 h', developer: '—' },
  urgent: { enterprise: '1 h', sme: '2 h', business: '2 h', developer: '—' },
  critical: { enterprise: '30 min', sme: '30 min', business: '—', developer: '—' },
};
const SPEC_HOURS: Record<PlanId, string> = { enterprise: '24/7', sme: '24/7', business: '24/7', developer: 'business hours' };

/** '4 h' → 240, '30 min' → 30, '—' → null. */
function cellMinutes(cell: string): number | null {
  if (cell === '—') return null;
  const [amount, unit] = cell.split(' ');
  return Number(amount) * (unit === 'h' ? 60 : 1);
}

describe('PLANS matches the plan table of SPEC §2', () => {
  const cells = PLAN_IDS.flatMap((plan) => PRIORITIES.map((priority) => [plan, priority, SPEC_TABLE[priority][plan]] as const));

  it.each(cells)('%s / %s: %s', (plan, priority, cell) => {
    const expected = cellMinutes(cell);
    expect(responseTargetMinutes(PLANS[plan], priority)).toBe(expected);
    expect(offersPriority(PLANS[plan], priority)).toBe(expected !== null);
    expect(PLANS[plan].responseMinutes[priority]).toBe(expected ?? undefined);
  });

  it.each(PLAN_IDS)('%s: support hours as in the table', (plan) => {
    expect(PLANS[plan].hours).toBe(SPEC_HOURS[plan] === '24/7' ? '24/7' : 'business');
  });

  it('keys every plan by its own id', () => {
    for (const plan of PLAN_IDS) expect(PLANS[plan].id).toBe(plan);
    expect(Object.keys(PLANS).sort()).toEqual([...PLAN_IDS].sort());
  });
});

describe('availablePriorities', () => {
  it('lists only the offered priorities, most urgent first', () => {
    expect(availablePriorities(PLANS.enterprise)).toEqual(['critical', 'urgent', 'high', 'normal', 'low']);
    expect(availablePriorities(PLANS.sme)).toEqual(['critical', 'urgent', 'high', 'normal', 'low']);
    expect(availablePriorities(PLANS.business)).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(availablePriorities(PLANS.developer)).toEqual(['normal', 'low']);
  });

  it('follows the order of PRIORITIES for a custom plan, whatever order its targets were written in', () => {
    const custom = { id: 'custom' as const, responseMinutes: { low: 600, critical: 15, normal: 120 }, hours: 'business' as const };
    expect(availablePriorities(custom)).toEqual(['critical', 'normal', 'low']);
  });
});

describe('preselectedPriority', () => {
  it('is normal where the plan offers it, else the least urgent priority it offers', () => {
    for (const id of PLAN_IDS) expect(preselectedPriority(PLANS[id])).toBe('normal');
    expect(preselectedPriority({ id: 'custom', responseMinutes: { critical: 10, high: 60 }, hours: '24/7' })).toBe('high');
    expect(preselectedPriority({ id: 'custom', responseMinutes: { low: 600 }, hours: '24/7' })).toBe('low');
  });
});
