import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, DEFAULT_CALENDAR, workingPeriods, type BusinessCalendar } from './calendar';
import { PLAN_IDS, PRIORITIES, type Plan, type Status } from './domain';
import { availablePriorities, PLANS } from './plans';
import {
  autoCloseAt,
  dueAtFor,
  explainResponseDue,
  formatMinutes,
  openCycle,
  responseDueAt,
  slaPolicyFor,
  slaState,
  timeLeftMinutes,
} from './sla';
import type { ResponseCycle, SlaPolicy } from './sla-types';

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

/** Wednesday 16:00 in Tehran: one office hour left before the Thursday–Friday weekend. */
const WEDNESDAY_1600 = at('2026-05-13T16:00+03:30');
const BERLIN_OFFICE: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  week: { 1: [['09:00', '17:00']], 2: [['09:00', '17:00']], 3: [['09:00', '17:00']], 4: [['09:00', '17:00']], 5: [['09:00', '17:00']] },
  holidays: [],
};

describe('responseDueAt', () => {
  const allCells = PLAN_IDS.flatMap((plan) => PRIORITIES.map((priority) => [plan, priority] as const));

  it.each(allCells)('%s / %s follows the plan target and hours', (planId, priority) => {
    const plan = PLANS[planId];
    const target = plan.responseMinutes[priority];
    const due = responseDueAt(WEDNESDAY_1600, plan, priority);
    if (target === undefined) expect(due).toBeNull();
    else if (plan.hours === '24/7') expect(due).toEqual(new Date(WEDNESDAY_1600.getTime() + target * MINUTE));
    else expect(due).toEqual(addBusinessMinutes(WEDNESDAY_1600, target, DEFAULT_CALENDAR));
  });

  it('counts the developer plan in Tehran office hours (worked by hand)', () => {
    // normal, 24 h: Wed 1 h + Sat 8 h + Sun 8 h + Mon 7 h.
    expect(responseDueAt(WEDNESDAY_1600, PLANS.developer, 'normal')).toEqual(at('2026-05-18T16:00+03:30'));
    // low, 48 h: Wed 1 h + Sat–Wed 5 × 8 h + Sat 7 h.
    expect(responseDueAt(WEDNESDAY_1600, PLANS.developer, 'low')).toEqual(at('2026-05-23T16:00+03:30'));
  });

  it('gives the 24/7 plans their target around the clock, through the weekend', () => {
    expect(responseDueAt(WEDNESDAY_1600, PLANS.enterprise, 'critical')).toEqual(at('2026-05-13T16:30+03:30'));
    expect(responseDueAt(WEDNESDAY_1600, PLANS.business, 'low')).toEqual(at('2026-05-15T16:00+03:30'));
  });

  it('is null where the plan does not offer the priority', () => {
    expect(responseDueAt(WEDNESDAY_1600, PLANS.developer, 'high')).toBeNull();
    expect(responseDueAt(WEDNESDAY_1600, PLANS.business, 'critical')).toBeNull();
  });

  it('uses the given calendar for business hours and ignores it for 24/7 plans', () => {
    const start = at('2026-03-27T16:00+01:00'); // a Friday in Berlin, DST begins on Sunday
    const custom: Plan = { id: 'custom', responseMinutes: { urgent: 120 }, hours: 'business' };
    expect(responseDueAt(start, custom, 'urgent', BERLIN_OFFICE)).toEqual(at('2026-03-30T10:00+02:00'));
    expect(responseDueAt(start, PLANS.enterprise, 'urgent', BERLIN_OFFICE)).toEqual(at('2026-03-27T17:00+01:00'));
  });
});

describe('autoCloseAt', () => {
  it('closes 48 wall-clock hours after the last agent reply', () => {
    expect(autoCloseAt(at('2026-05-14T12:00Z'))).toEqual(at('2026-05-16T12:00Z'));
  });

  it('takes another number of hours, counted in real time across a DST change', () => {
    expect(autoCloseAt(at('2026-03-28T12:00+01:00'), 24)).toEqual(at('2026-03-29T13:00+02:00'));
    expect(autoCloseAt(at('2026-05-14T12:00Z'), 0.5)).toEqual(at('2026-05-14T12:30Z'));
  });

  it('refuses a negative number of hours', () => {
    expect(() => autoCloseAt(at('2026-05-14T12:00Z'), -1)).toThrow(RangeError);
  });
});

describe('slaPolicyFor and dueAtFor', () => {
  it('snapshots target, hours and calendar; no calendar for 24/7 plans', () => {
    expect(slaPolicyFor(PLANS.developer, 'normal')).toEqual({
      planId: 'developer',
      priority: 'normal',
      targetMinutes: 24 * 60,
      hours: 'business',
      calendar: DEFAULT_CALENDAR,
    });
    expect(slaPolicyFor(PLANS.sme, 'urgent', BERLIN_OFFICE)).toEqual({
      planId: 'sme',
      priority: 'urgent',
      targetMinutes: 120,
      hours: '24/7',
      calendar: null,
    });
    expect(slaPolicyFor(PLANS.developer, 'critical')).toBeNull();
  });

  it('recomputes the same due time from a stored (JSON round-tripped) policy', () => {
    for (const planId of PLAN_IDS) {
      for (const priority of availablePriorities(PLANS[planId])) {
        const policy = slaPolicyFor(PLANS[planId], priority, BERLIN_OFFICE);
        if (!policy) throw new Error('an offered priority has a policy');
        const stored = JSON.parse(JSON.stringify(policy)) as SlaPolicy;
        expect(dueAtFor(WEDNESDAY_1600, stored)).toEqual(responseDueAt(WEDNESDAY_1600, PLANS[planId], priority, BERLIN_OFFICE));
      }
    }
  });

  it('keeps counting under the stored calendar after the office calendar changes', () => {
    const policy = slaPolicyFor(PLANS.developer, 'normal', { ...DEFAULT_CALENDAR, holidays: [] });
    if (!policy) throw new Error('developer offers normal');
    // 2026-05-27 is a holiday of the current calendar but not of the stored one.
    // Tue + Wed + Sat make 24 h; with Wednesday a holiday, Sunday is needed.
    expect(dueAtFor(at('2026-05-26T09:00+03:30'), policy)).toEqual(at('2026-05-30T17:00+03:30'));
    expect(responseDueAt(at('2026-05-26T09:00+03:30'), PLANS.developer, 'normal')).toEqual(at('2026-05-31T17:00+03:30'));
  });
});

function cycle(startedAt: Date, policy: SlaPolicy | null, respondedAt: Date | null = null): ResponseCycle {
  return { startedAt, dueAt: policy ? dueAtFor(startedAt, policy) : null, respondedAt, policy };
}
const policyOf = (plan: Plan, priority: Parameters<typeof slaPolicyFor>[1], calendar?: BusinessCalendar) => {
  const policy = slaPolicyFor(plan, priority, calendar);
  if (!policy) throw new Error(`${plan.id} does not offer ${priority}`);
  return policy;
};

describe('slaState', () => {
  const start = at('2026-05-13T10:00Z');
  const enterpriseUrgent = policyOf(PLANS.enterprise, 'urgent'); // 60 min around the clock
  const state = (status: Status, cycles: ResponseCycle[], now: Date, closedAt?: Date) => slaState({ status, cycles, closedAt }, now);

  it('is none without cycles', () => {
    expect(state('awaiting_response', [], start)).toBe('none');
  });

  it('is on_track, then at_risk with less than 25 % of the target left, then breached at the due time', () => {
    const open = [cycle(start, enterpriseUrgent)];
    expect(state('awaiting_response', open, at('2026-05-13T10:44Z'))).toBe('on_track');
    expect(state('awaiting_response', open, at('2026-05-13T10:45Z'))).toBe('on_track'); // exactly 25 % left
    expect(state('in_progress', open, at('2026-05-13T10:45:01Z'))).toBe('at_risk');
    expect(state('in_progress', open, at('2026-05-13T10:59:59Z'))).toBe('at_risk');
    expect(state('in_progress', open, at('2026-05-13T11:00Z'))).toBe('breached');
    expect(state('in_progress', open, at('2026-05-20T11:00Z'))).toBe('breached');
  });

  it('measures the risk in working minutes for business hours', () => {
    // 75 working minutes from Wednesday 16:00 are due Saturday 09:15; 25 % is 18.75 min.
    const custom: Plan = { id: 'custom', responseMinutes: { normal: 75 }, hours: 'business' };
    const open = [cycle(WEDNESDAY_1600, policyOf(custom, 'normal', DEFAULT_CALENDAR))];
    expect(open[0]?.dueAt).toEqual(at('2026-05-16T09:15+03:30'));
    expect(state('awaiting_response', open, at('2026-05-13T16:55+03:30'))).toBe('on_track'); // 5 + 15 min left
    // Two days before the due time in real minutes, but only 16 working minutes are left.
    expect(state('awaiting_response', open, at('2026-05-13T16:59+03:30'))).toBe('at_risk');
    expect(state('awaiting_response', open, at('2026-05-15T12:00+03:30'))).toBe('at_risk');
    expect(state('awaiting_response', open, at('2026-05-16T09:15+03:30'))).toBe('breached');
  });

  it('is none for an open cycle whose priority has no target', () => {
    expect(state('awaiting_response', [cycle(start, null)], at('2026-06-13T10:00Z'))).toBe('none');
  });

  it('judges only the open cycle while earlier ones were answered', () => {
    const cycles = [cycle(start, enterpriseUrgent, at('2026-05-13T12:00Z')), cycle(at('2026-05-13T13:00Z'), enterpriseUrgent)];
    expect(state('awaiting_response', cycles, at('2026-05-13T13:10Z'))).toBe('on_track');
  });

  it('is paused while waiting on the customer', () => {
    expect(state('awaiting_customer', [cycle(start, enterpriseUrgent, at('2026-05-13T10:30Z'))], at('2026-05-20T10:00Z'))).toBe('paused');
    expect(state('awaiting_customer', [cycle(start, null, at('2026-05-13T10:30Z'))], at('2026-05-20T10:00Z'))).toBe('none');
  });

  describe('once closed', () => {
    const later = at('2026-06-01T00:00Z');

    it('is met when every cycle was answered by its due time, the due instant included', () => {
      const cycles = [cycle(start, enterpriseUrgent, at('2026-05-13T10:59Z')), cycle(at('2026-05-13T12:00Z'), enterpriseUrgent, at('2026-05-13T13:00Z'))];
      expect(state('closed', cycles, later, at('2026-05-14T00:00Z'))).toBe('met');
    });

    it('is missed when any cycle was answered late', () => {
      const cycles = [cycle(start, enterpriseUrgent, at('2026-05-13T11:01Z')), cycle(at('2026-05-13T12:00Z'), enterpriseUrgent, at('2026-05-13T12:10Z'))];
      expect(state('closed', cycles, later, at('2026-05-14T00:00Z'))).toBe('missed');
    });

    it('counts a cycle still open at closing as missed only if the close came after its due time', () => {
      expect(state('closed', [cycle(start, enterpriseUrgent)], later, at('2026-05-13T10:30Z'))).toBe('met');
      expect(state('closed', [cycle(start, enterpriseUrgent)], later, at('2026-05-13T11:00Z'))).toBe('met');
      expect(state('closed', [cycle(start, enterpriseUrgent)], later, at('2026-05-13T11:00:01Z'))).toBe('missed');
    });

    it('is none when no cycle ever had a target', () => {
      expect(state('closed', [cycle(start, null, at('2026-05-20T10:00Z'))], later, later)).toBe('none');
    });

    it('ignores cycles without a target when others had one', () => {
      const cycles = [cycle(start, null, at('2026-05-20T10:00Z')), cycle(at('2026-05-20T11:00Z'), enterpriseUrgent, at('2026-05-20T11:30Z'))];
      expect(state('closed', cycles, later, later)).toBe('met');
    });
  });
});

describe('openCycle and timeLeftMinutes', () => {
  const policy = policyOf(PLANS.developer, 'normal', { ...DEFAULT_CALENDAR, holidays: [] });
  const open = cycle(WEDNESDAY_1600, policy); // due Mon 2026-05-18 16:00 Tehran

  it('finds the cycle waiting for a reply', () => {
    const answered = cycle(at('2026-05-10T10:00Z'), policy, at('2026-05-10T11:00Z'));
    expect(openCycle([answered, open])).toBe(open);
    expect(openCycle([answered])).toBeNull();
  });

  it('counts working minutes left, standing still outside office hours', () => {
    expect(timeLeftMinutes(open, WEDNESDAY_1600)).toBe(24 * 60);
    expect(timeLeftMinutes(open, at('2026-05-13T17:00+03:30'))).toBe(23 * 60);
    expect(timeLeftMinutes(open, at('2026-05-15T12:00+03:30'))).toBe(23 * 60);
    expect(timeLeftMinutes(open, at('2026-05-18T15:30+03:30'))).toBe(30);
  });

  it('is negative in real minutes once overdue', () => {
    expect(timeLeftMinutes(open, at('2026-05-18T16:00+03:30'))).toBe(0);
    expect(timeLeftMinutes(open, at('2026-05-19T18:30+03:30'))).toBe(-(26 * 60 + 30));
  });

  it('counts real minutes for 24/7 policies and is null without a target or once answered', () => {
    const critical = cycle(at('2026-05-13T10:00Z'), policyOf(PLANS.enterprise, 'critical'));
    expect(timeLeftMinutes(critical, at('2026-05-13T10:12:30Z'))).toBe(17.5);
    expect(timeLeftMinutes(cycle(WEDNESDAY_1600, null), WEDNESDAY_1600)).toBeNull();
    expect(timeLeftMinutes(cycle(WEDNESDAY_1600, policy, at('2026-05-13T16:10+03:30')), WEDNESDAY_1600)).toBeNull();
  });
});

describe('explainResponseDue', () => {
  it('lists the working periods counted for the developer plan, summing to the target', () => {
    const explanation = explainResponseDue(WEDNESDAY_1600, policyOf(PLANS.developer, 'normal'));
    expect(explanation.dueAt).toEqual(at('2026-05-18T16:00+03:30'));
    expect(explanation.timeZone).toBe('Asia/Tehran');
    expect(explanation.periods).toEqual([
      { start: at('2026-05-13T16:00+03:30'), end: at('2026-05-13T17:00+03:30'), minutes: 60 },
      { start: at('2026-05-16T09:00+03:30'), end: at('2026-05-16T17:00+03:30'), minutes: 480 },
      { start: at('2026-05-17T09:00+03:30'), end: at('2026-05-17T17:00+03:30'), minutes: 480 },
      { start: at('2026-05-18T09:00+03:30'), end: at('2026-05-18T16:00+03:30'), minutes: 420 },
    ]);
    expect(explanation.summary).toBe(
      'Developer plan, normal priority: 24 h of business hours (Asia/Tehran, Sat–Wed 09:00–17:00, except holidays) ' +
        'from Wed 2026-05-13 16:00 to Mon 2026-05-18 16:00, counted over 4 working periods',
    );
  });

  it('gives a 24/7 policy a single period from start to due', () => {
    const explanation = explainResponseDue(at('2026-05-13T10:00Z'), policyOf(PLANS.enterprise, 'critical'));
    expect(explanation.periods).toEqual([{ start: at('2026-05-13T10:00Z'), end: at('2026-05-13T10:30Z'), minutes: 30 }]);
    expect(explanation.timeZone).toBe('UTC');
    expect(explanation.summary).toBe(
      'Enterprise plan, critical priority: 30 min around the clock from Wed 2026-05-13 10:00 UTC to Wed 2026-05-13 10:30 UTC',
    );
  });

  it('survives JSON: dates become strings, nothing else is lost', () => {
    const explanation = explainResponseDue(WEDNESDAY_1600, policyOf(PLANS.developer, 'low'));
    const json = JSON.parse(JSON.stringify(explanation)) as { periods: unknown[]; summary: string };
    expect(json.periods).toHaveLength(explanation.periods.length);
    expect(json.summary).toBe(explanation.summary);
  });

  it('always lists ordered working periods inside the calendar that end at the due time and sum to the target', () => {
    const calendars = [DEFAULT_CALENDAR, BERLIN_OFFICE];
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 1, max: 10_000 }),
        (calendar, startMs, target) => {
          const start = new Date(startMs);
          const plan: Plan = { id: 'custom', responseMinutes: { normal: target }, hours: 'business' };
          const explanation = explainResponseDue(start, policyOf(plan, 'normal', calendar));
          const { periods } = explanation;
          expect(periods.reduce((sum, period) => sum + period.minutes, 0)).toBeCloseTo(target, 9);
          expect(periods[0]?.start.getTime()).toBeGreaterThanOrEqual(startMs);
          expect(periods.at(-1)?.end).toEqual(explanation.dueAt);
          periods.forEach((period, i) => {
            expect(period.end.getTime()).toBeGreaterThan(period.start.getTime());
            if (i > 0) expect(period.start.getTime()).toBeGreaterThan(periods[i - 1]?.end.getTime() ?? 0);
            // The whole period is working time: the calendar reports it back unchanged.
            expect(workingPeriods(period.start, period.end, calendar)).toEqual([{ start: period.start, end: period.end }]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('formatMinutes', () => {
  it.each([
    [30, '30 min'],
    [0, '0 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [12 * 60, '12 h'],
    [48 * 60, '48 h'],
    [-5, '-5 min'],
    [17.4, '17 min'],
  ])('%d → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

it('keeps a full working day within that day, and carries one more minute over the weekend', () => {
  const custom: Plan = { id: 'custom', responseMinutes: { normal: 8 * 60 }, hours: 'business' };
  expect(responseDueAt(at('2026-05-15T09:00+02:00'), custom, 'normal', BERLIN_OFFICE)).toEqual(at('2026-05-15T17:00+02:00'));
  expect(responseDueAt(at('2026-05-15T09:01+02:00'), custom, 'normal', BERLIN_OFFICE)).toEqual(at('2026-05-18T09:01+02:00'));
});
