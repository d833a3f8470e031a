import type { SupportApi } from '../api/client';
import type { TicketChange } from '../api/types';

/** A change to one ticket, or `null`: the stream came back after a gap, refresh everything. */
export type LiveSignal = TicketChange | null;

/**
 * The widget's one `ticket.onChange` stream, shared by every view on screen: the root element
 * opens it while connected and closes it when it leaves the page; views listen while they are
 * shown.
 */
export class LiveHub {
  private readonly listeners = new Set<(signal: LiveSignal) => void>();
  private stopFollowing: (() => void) | null = null;

  /** Follows this API's stream (closing any previous one). */
  start(api: SupportApi) {
    this.stop();
    this.stopFollowing = api.follow({ change: (change) => this.emit(change), resync: () => this.emit(null) });
  }

  stop() {
    this.stopFollowing?.();
    this.stopFollowing = null;
  }

  get following(): boolean {
    return this.stopFollowing !== null;
  }

  listen(listener: (signal: LiveSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(signal: LiveSignal) {
    for (const listener of [...this.listeners]) listener(signal);
  }
}
