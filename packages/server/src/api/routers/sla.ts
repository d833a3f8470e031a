import { z } from 'zod';
import { slaOverview } from '../../sla/overview';
import { agentProcedure, router } from '../trpc';

export const slaRouter = router({
  /** The SLA dashboard: open tickets by state per plan and priority, and recent compliance. */
  overview: agentProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => slaOverview(ctx)),
});
