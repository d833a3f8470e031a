import { html, nothing } from 'lit';
import { isPlanId, isStatus, isPriority, isCategory } from '@support-tickets/core';
import type { Session } from '../api/session';
import type { TicketEvent } from '../api/types';
import type { WidgetContext } from '../base/context';
import type { ActorKind } from '../translations/index';
import { isolated } from './isolate';
import { relativeTime } from './time';

/**
 * Who did something, as the reader sees it: themselves, the system, support; for a customer
 * another customer is a colleague, for an agent the customer.
 */
export function actorKind(role: TicketEvent['actor'], id: string | null, session: Session): ActorKind {
  if (role === 'system') return 'system';
  if (id && id === session.userId) return 'you';
  if (role === 'agent') return 'support';
  return session.role === 'agent' ? 'customer' : 'colleague';
}

/** A ticket's timeline: every change, who made it and when. */
/** `own` words an event its own way (the agent's "who assigned whom"), or leaves it to `eventText`. */
export function timeline(events: readonly TicketEvent[], ctx: WidgetContext, now: Date, own?: (event: TicketEvent) => string | null) {
  if (events.length === 0) return nothing;
  return html`<section class="timeline-section box" aria-labelledby="timeline-heading">
    <h3 id="timeline-heading">${ctx.i18n.t.detail.timeline}</h3>
    <ol class="timeline" part="timeline">
      ${events.map(
        (event) => html`<li>
          <span>${own?.(event) ?? eventText(event, ctx)}</span>
          <span class="muted when">${relativeTime(ctx.i18n, event.at, now)}</span>
        </li>`,
      )}
    </ol>
  </section>`;
}

/** What happened, in words; a person's name is isolated from the words around it. */
export function eventText(event: TicketEvent, ctx: WidgetContext) {
  const { t, labels } = ctx.i18n;
  const kind = actorKind(event.actor, event.actorId, ctx.session);
  if (event.kind === 'closed' && kind === 'system') return t.closedBy.system;
  // Customers read "Support"; agents read who, by name.
  const named = kind === 'colleague' || kind === 'customer' || (kind === 'support' && ctx.session.role === 'agent');
  const words = (actor: string) => t.events[event.kind](actor, label(event.from), label(event.to));
  if (event.kind !== 'assigned' && named && event.actorName) return isolated(words, event.actorName);
  return words(event.kind === 'assigned' ? t.actor.support : t.actor[kind]);

  /** A status, priority, category or plan the event names, in words. */
  function label(value: string | null): string {
    if (isStatus(value)) return labels.status[value];
    if (isPriority(value)) return labels.priority[value];
    if (isCategory(value)) return labels.category[value];
    if (isPlanId(value) || value === 'custom') return labels.plan[value];
    return value ?? '';
  }
}
