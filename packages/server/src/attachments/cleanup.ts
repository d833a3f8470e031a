import { unattachedUploadCutoff } from '@support-tickets/core';
import { and, isNull, lt } from 'drizzle-orm';
import { attachments } from '../db/schema';
import type { ServiceDeps } from '../shared/deps';

/** How often the scheduler removes uploads no message took (each removal waits a day anyway). */
export const CLEANUP_INTERVAL_MS = 60 * 60_000;

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

/** Runs the cleanup at start and then every hour, until stopped; failures are logged and tried again next time. */
export function createCleanupSchedule(deps: ServiceDeps): { start(): void; stop(): Promise<void> } {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= removeUnattachedUploads(deps)
      .then((removed) => {
        if (removed > 0) deps.log.info(`removed ${removed} unattached upload${removed === 1 ? '' : 's'}`);
      })
      .catch((error: unknown) => deps.log.error('removing unattached uploads failed', { error: String(error) }))
      .finally(() => (running = null));
  };
  return {
    start() {
      if (timer) return;
      run();
      timer = setInterval(run, CLEANUP_INTERVAL_MS);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
