import { MACRO_TITLE_MAX } from '@support-tickets/core';
import { z } from 'zod';
import { createMacro, deleteMacro, listMacros, updateMacro } from '../../macros/service';
import { safeText, textInput } from '../../shared/safe-text';
import { agentProcedure, router, unwrap } from '../trpc';

const id = safeText(1, 100);
const title = z.string().trim().pipe(safeText(1, MACRO_TITLE_MAX));
const body = textInput('body');

/** Saved replies of the support team (agents). */
export const macroRouter = router({
  /** By title; `q` searches titles and bodies; with `ticketId`, each carries `filled` for that ticket. */
  list: agentProcedure
    .input(z.strictObject({ q: safeText(0, 200).optional(), ticketId: id.optional() }).optional())
    .query(async ({ ctx, input }) => unwrap(await listMacros(ctx, ctx.user, input))),
  create: agentProcedure.input(z.strictObject({ title, body })).mutation(({ ctx, input }) => createMacro(ctx, ctx.user, input)),
  update: agentProcedure
    .input(z.strictObject({ id, title: title.optional(), body: body.optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await updateMacro(ctx, input))),
  delete: agentProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => unwrap(await deleteMacro(ctx, input.id))),
});
