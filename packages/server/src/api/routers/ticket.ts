import { CATEGORIES, PLAN_IDS, PRIORITIES, STATUSES, SUBJECT_MAX_LENGTH } from '@support-tickets/core';
import { z } from 'zod';
import { subscribeToChanges } from '../../live/subscribe';
import { TICKET_SORTS } from '../../tickets/cursor';
import type { Caller } from '../../shared/caller';
import type { ServiceDeps } from '../../shared/deps';
import type { Result } from '../../shared/result';
import { getTicket, listTickets } from '../../tickets/queries';
import { actOnTicket, createTicket } from '../../tickets/service';
import { textInput } from '../inputs';
import { agentProcedure, authedProcedure, router, trackedChanges, unwrap } from '../trpc';

const ticketId = z.string().min(1).max(100);
const subject = textInput('subject');
const body = textInput('body');
const byId = z.strictObject({ id: ticketId });

/** Mutations answer with the ticket as the caller now sees it. */
async function detailAfter(ctx: ServiceDeps & { user: Caller }, result: Result<string>) {
  return unwrap(await getTicket(ctx, ctx.user, unwrap(result)));
}

export const ticketRouter = router({
  create: authedProcedure
    .input(
      z.strictObject({
        subject,
        body,
        category: z.enum(CATEGORIES),
        priority: z.enum(PRIORITIES).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => detailAfter(ctx, await createTicket(ctx, ctx.user, input))),

  list: authedProcedure
    .input(
      z
        .strictObject({
          status: z.enum(STATUSES).optional(),
          priority: z.enum(PRIORITIES).optional(),
          category: z.enum(CATEGORIES).optional(),
          orgId: z.string().min(1).max(200).optional(),
          /** The organisation's current plan. */
          planId: z.enum([...PLAN_IDS, 'custom']).optional(),
          assignedToMe: z.boolean().optional(),
          q: z.string().max(SUBJECT_MAX_LENGTH).optional(),
          sort: z.enum(TICKET_SORTS).optional(),
          cursor: z.string().min(1).max(1000).optional(),
          limit: z.number().int().min(1).max(100).optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => unwrap(await listTickets(ctx, ctx.user, input))),

  get: authedProcedure.input(byId).query(async ({ ctx, input }) => unwrap(await getTicket(ctx, ctx.user, input.id))),

  reply: authedProcedure
    .input(z.strictObject({ id: ticketId, body }))
    .mutation(async ({ ctx, input }) =>
      detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'reply', body: input.body })),
    ),

  accept: agentProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) => detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'accept' }))),

  note: agentProcedure
    .input(z.strictObject({ id: ticketId, body }))
    .mutation(async ({ ctx, input }) =>
      detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'note', body: input.body })),
    ),

  update: agentProcedure
    .input(
      z.strictObject({
        id: ticketId,
        priority: z.enum(PRIORITIES).optional(),
        category: z.enum(CATEGORIES).optional(),
      }),
    )
    .mutation(async ({ ctx, input: { id, ...change } }) =>
      detailAfter(ctx, await actOnTicket(ctx, ctx.user, id, { type: 'update', ...change })),
    ),

  close: authedProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) => detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'close' }))),

  /**
   * Server-sent events: `tracked(eventId, { eventId, ticketId, orgId, kind, at })` for every
   * change the caller may see (one ticket's with `id`). tRPC fills `lastEventId` on reconnect.
   */
  onChange: authedProcedure
    .input(z.strictObject({ id: ticketId.optional(), lastEventId: z.string().max(40).nullish() }).optional())
    .subscription(async ({ ctx, input, signal }) => trackedChanges(unwrap(await subscribeToChanges(ctx, ctx.user, input, signal)))),
});
