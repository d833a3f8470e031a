import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { meRouter } from './routers/me';
import { agentRouter } from './routers/agent';
import { macroRouter } from './routers/macro';
import { orgRouter } from './routers/org';
import { planRouter } from './routers/plan';
import { presenceRouter } from './routers/presence';
import { slaRouter } from './routers/sla';
import { ticketRouter } from './routers/ticket';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  ticket: ticketRouter,
  org: orgRouter,
  plan: planRouter,
  sla: slaRouter,
  me: meRouter,
  agent: agentRouter,
  macro: macroRouter,
  presence: presenceRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Calls procedures in-process, e.g. `createCaller(createContextInner({ ...deps, user }))`. */
export const createCaller = createCallerFactory(appRouter);
