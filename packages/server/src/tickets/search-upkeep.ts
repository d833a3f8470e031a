import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { createPeriodicJob } from '../shared/periodic';
import type { ServiceDeps } from '../shared/deps';

/**
 * Index pages one merge step writes: a median of 4 ms at a million tickets. FTS5 ends a step
 * only between words, so the list of a word in most texts goes in one step (65–73 ms there).
 */
export const SEARCH_MERGE_STEP_PAGES = 50;
/**
 * How often the index is merged. Merging rewrites the whole index (280 MB in about 4 s at a
 * million tickets): daily, not hourly. The writes of a day add small segments meanwhile.
 */
export const SEARCH_MERGE_INTERVAL_MS = 24 * 60 * 60_000;
/** How long one upkeep run may merge; what is left waits for the next run. */
export const SEARCH_MERGE_BUDGET_MS = 5 * 60_000;

/**
 * Merges the search index towards one segment, a step at a time, each step a write of its own
 * so the writes queued meanwhile go between steps; returns how many steps did work.
 *
 * Why: every write leaves the index a small segment, which FTS5 merges only with segments of
 * its size, so the index holds a few segments per size, more as it grows (4 at 10,000 tickets,
 * 11 at a million). A search walks every segment: a customer's search for a common word at a
 * million tickets costs 5.4 ms of CPU over 11 segments and 3.0 ms over one.
 */
export async function mergeSearchIndex(
  database: DatabaseHandle,
  { stepPages = SEARCH_MERGE_STEP_PAGES, budgetMs = SEARCH_MERGE_BUDGET_MS } = {},
): Promise<number> {
  const until = performance.now() + budgetMs;
  let steps = 0;
  while (performance.now() < until) {
    const worked = await database.write(async (tx) => {
      const changes = async () => (await tx.get<{ n: number }>(sql`SELECT total_changes() AS n`))!.n;
      const before = await changes();
      // A negative step merges segments of every size (FTS5's 'merge' command); a step that
      // changes fewer than two rows found nothing left to merge.
      await tx.run(sql`INSERT INTO ticket_search(ticket_search, rank) VALUES ('merge', ${-stepPages})`);
      return (await changes()) - before >= 2;
    });
    if (!worked) break;
    steps++;
  }
  return steps;
}

/** Merges the search index at start and then every day, until stopped. */
export function createSearchUpkeep(deps: ServiceDeps) {
  const merge = async () => {
    const steps = await mergeSearchIndex(deps.database);
    if (steps > 0) deps.log.info(`merged the search index in ${steps} step${steps === 1 ? '' : 's'}`);
  };
  return createPeriodicJob(deps.log, 'merging the search index failed', merge, SEARCH_MERGE_INTERVAL_MS);
}
