import { z } from 'zod';
import { listAgents } from '../../tickets/assignees';
import { agentProcedure, router } from '../trpc';

/** The support team (agents only). */
export const agentRouter = router({
  /** Agents the server has seen, by name, each with the open tickets assigned to them. */
  list: agentProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => listAgents(ctx.database.db)),
});
