import { z } from 'zod';
import { safeText } from '../../shared/safe-text';
import { beat, leave, presenceIn } from '../../tickets/presence';
import { agentProcedure, router, unwrap } from '../trpc';

const ticketId = safeText(1, 100);

/** Which agents have a ticket open (agents only: customers never see presence). */
export const presenceRouter = router({
  /** "I am here" (every few seconds while a ticket is open, and on typing); answers who else is. */
  beat: agentProcedure
    .input(z.strictObject({ ticketId, typing: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await beat(ctx, ctx.user, input.ticketId, input.typing ? 'typing' : 'viewing'))),
  leave: agentProcedure.input(z.strictObject({ ticketId })).mutation(async ({ ctx, input }) => {
    await leave(ctx, ctx.user, input.ticketId);
    return { ticketId: input.ticketId };
  }),
  /** Who is in each of these tickets now (the queue's rows), by ticket id. */
  list: agentProcedure
    .input(z.strictObject({ ticketIds: z.array(ticketId).max(100) }))
    .query(async ({ ctx, input }) => Object.fromEntries(await presenceIn(ctx.database.db, ctx.user, input.ticketIds, ctx.now()))),
});
