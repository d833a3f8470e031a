import { PRESENCE_BEAT_MS } from '@support-tickets/core';
import type { RouterOutputs } from '@support-tickets/server';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportApi } from '../../../api/client';

export type Presence = RouterOutputs['presence']['beat'];

/**
 * Says "I am in this ticket" while its page is open (every few seconds, at once when the agent
 * starts typing) and keeps who else is there, as the server answers. Leaving the page says so.
 */
export class PresenceBeat implements ReactiveController {
  others: Presence = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private typingSince = 0;
  private beatFor: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => { api: SupportApi; ticketId: string } | null,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.timer = setInterval(() => void this.beat(false), PRESENCE_BEAT_MS);
  }

  /** A page that opens (or moves to) a ticket says so at once. */
  hostUpdated() {
    const ticketId = this.target()?.ticketId ?? null;
    if (ticketId === this.beatFor) return;
    this.beatFor = ticketId;
    this.others = [];
    void this.beat(false);
  }

  hostDisconnected() {
    clearInterval(this.timer);
    this.beatFor = null;
    const target = this.target();
    if (target) void target.api.call('presence.leave', (client) => client.presence.leave.mutate({ ticketId: target.ticketId })).catch(() => undefined);
  }

  /** The agent typed: others learn at once, then with the regular beat while typing goes on. */
  typed() {
    const now = Date.now();
    const fresh = now - this.typingSince > PRESENCE_BEAT_MS;
    this.typingSince = now;
    if (fresh) void this.beat(true);
  }

  private async beat(typing: boolean) {
    const target = this.target();
    if (!target) return;
    const isTyping = typing || Date.now() - this.typingSince < PRESENCE_BEAT_MS;
    try {
      this.others = await target.api.call('presence.beat', (client) => client.presence.beat.mutate({ ticketId: target.ticketId, typing: isTyping }));
      this.host.requestUpdate();
    } catch {
      // Presence is a courtesy: a failed beat is tried again with the next one.
    }
  }
}
