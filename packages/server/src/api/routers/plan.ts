import { listPlans } from '../../orgs/service';
import { authedProcedure, router } from '../trpc';

export const planRouter = router({
  /** The plan table of SPEC §2, in its order, with each plan's offered priorities. */
  list: authedProcedure.query(() => listPlans()),
});
