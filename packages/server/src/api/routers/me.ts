import { z } from 'zod';
import { getMe, setNotifications } from '../../people/service';
import { authedProcedure, router, unwrap } from '../trpc';

export const meRouter = router({
  /** The caller as the server knows them (latest name, email, locale) and their notification choices. */
  get: authedProcedure.query(async ({ ctx }) => unwrap(await getMe(ctx, ctx.user))),

  /** Turns the caller's mail on or off (SPEC §6); answers as `me.get`. */
  notifications: authedProcedure
    .input(z.strictObject({ email: z.boolean() }))
    .mutation(async ({ ctx, input }) => unwrap(await setNotifications(ctx, ctx.user, input))),
});
