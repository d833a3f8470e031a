import { PLAN_IDS, PRIORITIES, type BusinessCalendar } from '@support-tickets/core';
import { z } from 'zod';
import { listOrganisations } from '../../orgs/list';
import { getOrganisation, setPlan } from '../../orgs/service';
import { agentProcedure, authedProcedure, router, unwrap } from '../trpc';

const orgId = z.string().min(1).max(200);
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

// Shape only; core.validateCalendar judges the content (zones, ranges, dates) in the service.
const calendar = z.strictObject({
  timeZone: z.string().min(1).max(100),
  week: z.partialRecord(
    z.enum(['0', '1', '2', '3', '4', '5', '6']),
    z.array(z.tuple([z.string().regex(HHMM, 'Use HH:MM'), z.string().regex(HHMM, 'Use HH:MM')])).max(24),
  ),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')).max(1000),
})
  // JSON object keys are strings either way; core reads week[6] and week['6'] alike.
  .transform((value) => value as unknown as BusinessCalendar);

// SPEC §4's `Plan`; its `id` may be sent (a plan of the table copied and changed) and is not
// kept: a custom plan is stored as 'custom'. Shape only: core judges the targets.
const customPlan = z.strictObject({
  id: z.enum([...PLAN_IDS, 'custom']).optional(),
  responseMinutes: z.partialRecord(z.enum(PRIORITIES), z.number()),
  hours: z.enum(['24/7', 'business']),
});

export const orgRouter = router({
  /** Agents: organisations by name, with their plan and open tickets; keyset pages. */
  list: agentProcedure
    .input(
      z
        .strictObject({
          q: z.string().max(200).optional(),
          planId: z.enum([...PLAN_IDS, 'custom']).optional(),
          cursor: z.string().min(1).max(1000).optional(),
          limit: z.number().int().min(1).max(200).optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => unwrap(await listOrganisations(ctx, ctx.user, input))),

  get: authedProcedure
    .input(z.strictObject({ orgId: orgId.optional() }).optional())
    .query(async ({ ctx, input }) => unwrap(await getOrganisation(ctx, ctx.user, input?.orgId))),

  setPlan: agentProcedure
    .input(
      z.union([
        z.strictObject({ orgId, plan: z.enum(PLAN_IDS), calendar: calendar.nullable().optional() }),
        z.strictObject({ orgId, custom: customPlan, calendar: calendar.nullable().optional() }),
      ]),
    )
    .mutation(async ({ ctx, input }) => unwrap(await setPlan(ctx, ctx.user, input))),
});
