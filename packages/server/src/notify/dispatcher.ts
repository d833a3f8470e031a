import { setMaxListeners } from 'node:events';
import type { ServiceDeps } from '../shared/deps';
import { claimDue, recordAttempt, type ClaimedDelivery } from './attempts';
import { fanOut, type ExtraDeliveries } from './fan-out';
import type { PostOutcome } from './post-webhook';
import { sendWebhook, type WebhookSendOptions } from './webhook-sender';

/** Sends one attempt of a delivery of another channel (mail); null when there is nothing to send. */
export type ChannelSender = (delivery: ClaimedDelivery, signal: AbortSignal) => Promise<PostOutcome | null>;

export interface DispatcherOptions {
  webhooks: WebhookSendOptions;
  /** Mail: its recipients at fan-out and its sender; null when mail is off. */
  mail: { recipients: ExtraDeliveries; send: ChannelSender } | null;
  /** How often the outbox is read for what other processes wrote and retries fell due. */
  pollMs: number;
  /** Attempts in flight at once in this process, and for one endpoint (so a slow one never holds up the others). */
  maxInFlight: number;
  maxPerEndpoint: number;
}

export const DEFAULT_DISPATCH = { pollMs: 500, maxInFlight: 32, maxPerEndpoint: 4 } as const;

export interface Dispatcher {
  start(): void;
  /** Stops reading the outbox and aborts attempts in flight (their leases run out; someone retries them). */
  stop(): Promise<void>;
  /** Fans out and sends everything due now, and waits for those attempts: for tests and scripts. */
  runOnce(): Promise<void>;
}

/**
 * The background delivery of notifications, one in every server process: fans the outbox out,
 * claims due deliveries by lease and sends each on its own, never inside a request. Changes of
 * this process wake it at once; it polls for the rest.
 */
export function createDispatcher(deps: ServiceDeps, options: DispatcherOptions): Dispatcher {
  // An attempt ends by its timeout; the lease outlasts it, so only a crashed holder's runs out.
  const leaseMs = options.webhooks.timeoutMs + 5_000;
  const inFlight = new Map<string, Promise<void>>();
  const perEndpoint = new Map<string, number>();
  const aborter = new AbortController();
  // Every attempt in flight listens on it (one per request): as many as `maxInFlight`. A DOM-like
  // test environment's AbortSignal is not Node's and takes no such setting.
  try {
    setMaxListeners(options.maxInFlight + 8, aborter.signal);
  } catch {
    // Its default limit only warns.
  }
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticking: Promise<void> | null = null;
  let again = false;
  let unsubscribe: (() => void) | null = null;

  const attempt = async (delivery: ClaimedDelivery) => {
    try {
      const outcome =
        delivery.channel === 'webhook'
          ? await sendWebhook(deps, delivery, options.webhooks, aborter.signal)
          : options.mail
            ? await options.mail.send(delivery, aborter.signal)
            : { status: null, error: 'Mail is off (no SMTP_URL).', durationMs: 0 };
      if (outcome && !aborter.signal.aborted) await recordAttempt(deps, delivery, outcome);
    } catch (error) {
      deps.log.error('a notification attempt failed', { delivery: delivery.id, error: String(error) });
      // Recorded as a failed attempt (retried on schedule), not left to its lease.
      await recordAttempt(deps, delivery, { status: null, error: `internal error: ${String(error)}`, durationMs: 0 }).catch(() => undefined);
    }
  };

  const launch = (delivery: ClaimedDelivery) => {
    const endpoint = delivery.endpointId;
    if (endpoint) perEndpoint.set(endpoint, (perEndpoint.get(endpoint) ?? 0) + 1);
    const done = attempt(delivery).finally(() => {
      inFlight.delete(delivery.id);
      if (endpoint) {
        const left = (perEndpoint.get(endpoint) ?? 1) - 1;
        if (left > 0) perEndpoint.set(endpoint, left);
        else perEndpoint.delete(endpoint);
      }
      // A slot came free: there may be more due.
      if (running) wake();
    });
    inFlight.set(delivery.id, done);
  };

  /** One pass: fan out everything pending, then start attempts for what is due, up to the free slots. */
  const pass = async () => {
    while ((await fanOut(deps, options.mail?.recipients ?? null)) > 0) {
      // Until the outbox is drained.
    }
    const busy = [...perEndpoint].filter(([, n]) => n >= options.maxPerEndpoint).map(([id]) => id);
    const claimed = await claimDue(deps, options.maxInFlight - inFlight.size, leaseMs, busy);
    for (const delivery of claimed) launch(delivery);
  };

  const tick = (): Promise<void> => {
    if (ticking) {
      again = true;
      return ticking;
    }
    ticking = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          deps.log.error('notification dispatch failed', { error: String(error) });
        }
      } while (again && running);
    })().finally(() => {
      ticking = null;
      if (running) arm();
    });
    return ticking;
  };

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), options.pollMs);
    timer.unref?.();
  };

  const wake = () => void tick();

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = deps.changes.subscribe(wake);
      deps.outboxWakeups.add(wake);
      void tick();
    },
    async stop() {
      running = false;
      unsubscribe?.();
      deps.outboxWakeups.delete(wake);
      if (timer) clearTimeout(timer);
      aborter.abort();
      await ticking;
      await Promise.allSettled(inFlight.values());
    },
    async runOnce() {
      await tick();
      await Promise.allSettled(inFlight.values());
    },
  };
}
