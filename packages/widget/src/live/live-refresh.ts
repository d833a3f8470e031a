import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TicketChange } from '../api/types';
import type { LiveHub } from './hub';

export interface LiveRefreshOptions {
  /** The stream to listen to: the widget's, once the view has its context. */
  hub: () => LiveHub | undefined;
  /** Whether this change concerns what the view shows; a resync always does. */
  matches?: (change: TicketChange) => boolean;
  /** Re-reads what is on screen, quietly (no skeleton, nothing typed lost). */
  refresh: () => unknown;
  /** Changes arriving together cause one refresh, this long after the first. */
  delayMs?: number;
}

export const LIVE_DELAY_MS = 200;

/**
 * Refreshes a view when the live stream reports a change to what it shows: listens while the
 * view is connected, batches bursts of changes into one refresh, and never runs two at once.
 */
export class LiveRefresh implements ReactiveController {
  private hub: LiveHub | null = null;
  private off: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<unknown> | null = null;
  private again = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LiveRefreshOptions,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.attach();
  }

  /** Picks up a context set after connecting, or a new stream. */
  hostUpdated() {
    this.attach();
  }

  hostDisconnected() {
    this.off?.();
    this.off = null;
    this.hub = null;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private attach() {
    const hub = this.options.hub() ?? null;
    if (hub === this.hub) return;
    this.off?.();
    this.hub = hub;
    this.off = hub ? hub.listen((change) => (!change || !this.options.matches || this.options.matches(change)) && this.schedule()) : null;
  }

  /** Refreshes soon, as for a change (a deadline passed: what the server says may have changed). */
  schedule() {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.options.delayMs ?? LIVE_DELAY_MS);
  }

  private async run() {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = Promise.resolve(this.options.refresh()).catch(() => undefined);
    await this.running;
    this.running = null;
    if (this.again && this.off) {
      this.again = false;
      this.schedule();
    }
  }
}
