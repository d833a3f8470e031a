import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { SupportApi } from '../api/client';
import type { TicketDetail, TicketMessage } from '../api/types';
import type { LiveHub } from '../live/hub';
import { LiveRefresh } from '../live/live-refresh';

export interface OpenTicketOptions {
  api: () => SupportApi;
  hub: () => LiveHub | undefined;
  ticketId: () => string;
  /** Messages that a live change brought (not an action's answer), oldest first. */
  arrived?: (messages: TicketMessage[]) => void;
}

/**
 * The ticket a ticket page shows, the customer's or the agent's: read when the page opens on an
 * id, re-read quietly when the live stream reports a change to it (or the page asks), and
 * replaced by what an action on it answers.
 */
export class OpenTicket {
  /** The ticket as last read or answered; null until the first read arrives. */
  value: TicketDetail | null = null;

  /** The first read: its status and error while there is nothing to show yet. */
  readonly load: Task<readonly [SupportApi, string], TicketDetail>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: OpenTicketOptions,
  ) {
    this.load = new Task(host, {
      task: async ([api, id], { signal }) => {
        const ticket = await api.getTicket(id, signal);
        this.set(ticket);
        return ticket;
      },
      args: () => [options.api(), options.ticketId()] as const,
    });
    // A reply, or any change made elsewhere, shows up as it happens.
    new LiveRefresh(host, {
      hub: options.hub,
      matches: (change) => change.ticketId === options.ticketId(),
      refresh: () => this.refresh(true),
    });
  }

  set(ticket: TicketDetail) {
    this.value = ticket;
    this.host.requestUpdate();
  }

  /**
   * Re-reads the ticket shown; a failure keeps it (the page is only stale, and the error was
   * reported as support-error). `live`: a change made elsewhere, whose new messages are handed to `arrived`.
   */
  async refresh(live = false) {
    const before = this.value;
    if (!before) return;
    try {
      const ticket = await this.options.api().getTicket(this.options.ticketId());
      this.set(ticket);
      const known = new Set(before.messages.map((message) => message.id));
      const latest = before.messages.at(-1)?.createdAt ?? '';
      const arrived = ticket.messages.filter((message) => !known.has(message.id) && message.createdAt >= latest);
      if (live && arrived.length > 0) this.options.arrived?.(arrived);
    } catch {
      // Only stale.
    }
  }
}
