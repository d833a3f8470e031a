import type { ServiceDeps } from './deps';

/** Every hour: the upkeep jobs' interval. */
export const HOURLY_MS = 60 * 60_000;

/**
 * Runs `job` at start and then every `intervalMs`, one run at a time, until stopped. A failure
 * is logged as `failure` and the job tried again next time; the timer never keeps the process up.
 */
export function createPeriodicJob(
  log: ServiceDeps['log'],
  failure: string,
  job: () => Promise<void>,
  intervalMs = HOURLY_MS,
): { start(): void; stop(): Promise<void> } {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= job()
      .catch((error: unknown) => log.error(failure, { error: String(error) }))
      .finally(() => (running = null));
  };
  return {
    start() {
      if (timer) return;
      run();
      timer = setInterval(run, intervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
