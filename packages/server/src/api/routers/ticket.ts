import {
  BULK_MAX_TICKETS,
  CATEGORIES,
  MESSAGE_PAGE_MAX,
  PLAN_IDS,
  PRIORITIES,
  RATINGS,
  RESOURCE_LIMITS,
  STATUSES,
  SUBJECT_MAX_LENGTH,
} from '@support-tickets/core';
import { z } from 'zod';
import { subscribeToChanges } from '../../live/subscribe';
import { TICKET_SORTS } from '../../tickets/cursor';
import type { Caller } from '../../shared/caller';
import type { ServiceDeps } from '../../shared/deps';
import type { Result } from '../../shared/result';
import { listMessages } from '../../tickets/messages';
import { getTicket, listTickets } from '../../tickets/queries';
import { assigneeOf } from '../../tickets/assignees';
import { bulkAct } from '../../tickets/bulk';
import { rateTicket } from '../../tickets/rating';
import { actOnTicket, createTicket } from '../../tickets/service';
import { safeText, textInput } from '../../shared/safe-text';
import { agentProcedure, authedProcedure, errorOutput, router, trackedChanges, unwrap } from '../trpc';

const ticketId = safeText(1, 100);
const cursor = safeText(1, 1000);
const subject = textInput('subject');
const body = textInput('body');
const byId = z.strictObject({ id: ticketId });
/** The newest timeline event (its `id`, a number) the sender had on screen: the collision guard. */
const seenEventId = z.number().int().min(0).optional();
const agentId = safeText(1, 200);
const category = z.enum(CATEGORIES);
const priority = z.enum(PRIORITIES);
/** Ids of the caller's own uploads for the message; core allows at most 5 (more is refused with the reason). */
const attachmentIds = z.array(safeText(1, 100)).max(20).optional();

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
        category,
        priority: priority.optional(),
        followUpOf: ticketId.optional(),
        resourceIds: z.array(safeText(1, RESOURCE_LIMITS.id)).max(RESOURCE_LIMITS.count).optional(),
        attachmentIds,
      }),
    )
    .mutation(async ({ ctx, input: { attachmentIds: files, ...ticket } }) => unwrap(await createTicket(ctx, ctx.user, ticket, files))),

  list: authedProcedure
    .input(
      z
        .strictObject({
          status: z.enum(STATUSES).optional(),
          priority: z.enum(PRIORITIES).optional(),
          category: z.enum(CATEGORIES).optional(),
          orgId: safeText(1, 200).optional(),
          /** The organisation's current plan. */
          planId: z.enum([...PLAN_IDS, 'custom']).optional(),
          assignedToMe: z.boolean().optional(),
          /** An agent's id, or 'none' for unassigned tickets. */
          assigneeId: agentId.optional(),
          resourceId: safeText(1, RESOURCE_LIMITS.id).optional(),
          q: safeText(0, SUBJECT_MAX_LENGTH).optional(),
          sort: z.enum(TICKET_SORTS).optional(),
          cursor: cursor.optional(),
          limit: z.number().int().min(1).max(100).optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => unwrap(await listTickets(ctx, ctx.user, input))),

  get: authedProcedure.input(byId).query(async ({ ctx, input }) => unwrap(await getTicket(ctx, ctx.user, input.id))),

  /** Older messages of a ticket, from the `messagesCursor` of `ticket.get` (or a page's `nextCursor`) back. */
  messages: authedProcedure
    .input(
      z.strictObject({
        id: ticketId,
        before: cursor.optional(),
        limit: z.number().int().min(1).max(MESSAGE_PAGE_MAX).optional(),
      }),
    )
    .query(async ({ ctx, input: { id, ...page } }) => unwrap(await listMessages(ctx, ctx.user, id, page))),

  reply: authedProcedure
    .input(z.strictObject({ id: ticketId, body, attachmentIds, seenEventId }))
    .mutation(async ({ ctx, input }) =>
      detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'reply', body: input.body }, { files: input.attachmentIds, seenEventId: input.seenEventId })),
    ),

  accept: agentProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) => detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'accept' }))),

  note: agentProcedure
    .input(z.strictObject({ id: ticketId, body, attachmentIds, seenEventId }))
    .mutation(async ({ ctx, input }) =>
      detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'note', body: input.body }, { files: input.attachmentIds, seenEventId: input.seenEventId })),
    ),

  update: agentProcedure
    .input(
      z.strictObject({
        id: ticketId,
        priority: priority.optional(),
        category: category.optional(),
      }),
    )
    .mutation(async ({ ctx, input: { id, ...change } }) =>
      detailAfter(ctx, await actOnTicket(ctx, ctx.user, id, { type: 'update', ...change })),
    ),

  /** To a known agent, or to nobody (null). */
  assign: agentProcedure
    .input(z.strictObject({ id: ticketId, assigneeId: agentId.nullable() }))
    .mutation(async ({ ctx, input }) =>
      detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'assign', assignee: await assigneeOf(ctx.database.db, input.assigneeId) })),
    ),

  close: authedProcedure
    .input(z.strictObject({ id: ticketId, seenEventId }))
    .mutation(async ({ ctx, input }) => detailAfter(ctx, await actOnTicket(ctx, ctx.user, input.id, { type: 'close' }, input))),

  /** The customer's rating of a closed ticket: once, within 7 days of closing. */
  rate: authedProcedure
    .input(z.strictObject({ id: ticketId, rating: z.enum(RATINGS), comment: body.optional() }))
    .mutation(async ({ ctx, input: { id, ...rating } }) => detailAfter(ctx, await rateTicket(ctx, ctx.user, id, rating))),

  /** One action on up to 100 tickets, each decided on its own: a result per ticket. */
  bulk: agentProcedure
    .input(
      z.strictObject({
        ids: z.array(ticketId).min(1).max(BULK_MAX_TICKETS),
        action: z.discriminatedUnion('type', [
          z.strictObject({ type: z.literal('reply'), body }),
          z.strictObject({ type: z.literal('close') }),
          z.strictObject({ type: z.literal('assign'), assigneeId: agentId.nullable() }),
          z.strictObject({ type: z.literal('update'), priority: priority.optional(), category: category.optional() }),
        ]),
      }),
    )
    .mutation(async ({ ctx, input }) => ({
      results: (await bulkAct(ctx, ctx.user, input.ids, input.action)).map((result) =>
        result.ok ? result : { id: result.id, ok: false as const, error: errorOutput(result.error) },
      ),
    })),

  /**
   * Server-sent events: `tracked(eventId, { eventId, seq, ticketId, orgId, kind, at })` (`eventId` opaque) for every
   * change the caller may see (one ticket's with `id`). tRPC fills `lastEventId` on reconnect.
   */
  onChange: authedProcedure
    .input(z.strictObject({ id: ticketId.optional(), lastEventId: safeText(0, 40).nullish() }).optional())
    .subscription(async ({ ctx, input, signal }) => trackedChanges(unwrap(await subscribeToChanges(ctx, ctx.user, input, signal)))),
});
