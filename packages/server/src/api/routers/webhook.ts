import { SUBSCRIBABLE_TYPES } from '@support-tickets/core';
import { z } from 'zod';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, redeliver, testEndpoint } from '../../notify/endpoints';
import { safeText } from '../../shared/safe-text';
import { agentProcedure, router, unwrap } from '../trpc';

const id = safeText(1, 100);

/** Webhook endpoints (SPEC §6), managed by agents. */
export const webhookRouter = router({
  /** Adds an endpoint; the answer's `secret` (`whsec_…`) is shown this once. */
  create: agentProcedure
    .input(
      z.strictObject({
        url: safeText(1, 2000),
        /** Omitted or empty: every type. */
        events: z.array(z.enum(SUBSCRIBABLE_TYPES)).max(SUBSCRIBABLE_TYPES.length).optional(),
        /** An organisation's endpoint receives only its events, never internal notes. */
        orgId: safeText(1, 200).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => unwrap(await createEndpoint(ctx, ctx.user.userId!, input))),

  list: agentProcedure.query(async ({ ctx }) => listEndpoints(ctx)),

  delete: agentProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => unwrap(await deleteEndpoint(ctx, input.id))),

  /** Sends the endpoint a `ping` (and enables it again if a 410 had disabled it). */
  test: agentProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => unwrap(await testEndpoint(ctx, input.id))),

  /** The endpoint's deliveries, newest first, each with its attempts. */
  deliveries: agentProcedure
    .input(z.strictObject({ id, cursor: safeText(1, 200).optional() }))
    .query(async ({ ctx, input }) => unwrap(await listDeliveries(ctx, input.id, input.cursor))),

  /** Sends a delivery again now, with the same `webhook-id` and body. */
  redeliver: agentProcedure
    .input(z.strictObject({ deliveryId: id }))
    .mutation(async ({ ctx, input }) => unwrap(await redeliver(ctx, input.deliveryId))),
});
