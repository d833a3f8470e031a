import { unattachedUploadCutoff } from '@support-tickets/core';
import { and, isNull, lt } from 'drizzle-orm';
import { attachments } from '../db/schema';
import { createPeriodicJob } from '../shared/periodic';
import type { ServiceDeps } from '../shared/deps';

/**
 * Removes uploads that no message took within a day of arriving (and uploads that never
 * finished), then their bytes. The rows go in one write transaction, so an attach (which
 * checks and takes its files in its own write transaction) either comes first and keeps its
 * files, or comes after and is refused. Several processes may run it at once.
 */
export async function removeUnattachedUploads(deps: ServiceDeps): Promise<number> {
  const cutoff = unattachedUploadCutoff(deps.now());
  const removed = await deps.database.write((tx) =>
    tx
      .delete(attachments)
      .where(and(isNull(attachments.messageId), lt(attachments.createdAt, cutoff)))
      .returning({ id: attachments.id }),
  );
  await deps.attachments.store.delete(removed.map((row) => row.id));
  return removed.length;
}

/** Runs the cleanup at start and then every hour (each removal waits a day anyway), until stopped. */
export function createCleanupSchedule(deps: ServiceDeps) {
  return createPeriodicJob(deps.log, 'removing unattached uploads failed', async () => {
    const removed = await removeUnattachedUploads(deps);
    if (removed > 0) deps.log.info(`removed ${removed} unattached upload${removed === 1 ? '' : 's'}`);
  });
}
