import { html, nothing } from 'lit';
import { isStatus } from '@support-tickets/core';
import type { Session } from '../../../api/session';
import type { TicketEvent } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import type { ActorKind } from '../../../translations/index';
import { relativeTime } from '../../../ui/time';

/** Who did something, as the customer reads it: themselves, a colleague, support, the system. */
export function actorKind(role: TicketEvent['actor'], id: string | null, session: Session): ActorKind {
  if (role === 'system') return 'system';
  if (id && id === session.userId) return 'you';
  return role === 'agent' ? 'support' : 'colleague';
}

/** A ticket's timeline: every change, who made it and when. */
export function timeline(events: readonly TicketEvent[], ctx: WidgetContext, now: Date) {
  if (events.length === 0) return nothing;
  return html`<section class="timeline-section box" aria-labelledby="timeline-heading">
    <h3 id="timeline-heading">${ctx.i18n.t.detail.timeline}</h3>
    <ol class="timeline" part="timeline">
      ${events.map(
        (event) => html`<li>
          <span>${eventText(event, ctx)}</span>
          <span class="muted when">${relativeTime(ctx.i18n, event.at, now)}</span>
        </li>`,
      )}
    </ol>
  </section>`;
}

export function eventText(event: TicketEvent, ctx: WidgetContext): string {
  const { t, labels } = ctx.i18n;
  const kind = actorKind(event.actor, event.actorId, ctx.session);
  // Customers read "Support"; agents read who, by name.
  const named = kind === 'colleague' || (kind === 'support' && ctx.session.role === 'agent');
  const actor = named && event.actorName ? event.actorName : t.detail.actor[kind];
  const status = (value: string | null) => (isStatus(value) ? labels.status[value] : (value ?? ''));
  const label = (set: 'priority' | 'category' | 'plan', value: string | null) =>
    (labels[set] as Record<string, string>)[value ?? ''] ?? value ?? '';
  switch (event.kind) {
    case 'created':
      return t.events.created(actor);
    case 'accepted':
      return t.events.accepted(actor);
    case 'assigned':
      return t.events.assigned(t.detail.actor.support);
    case 'replied':
      return t.events.replied(actor);
    case 'note_added':
      return t.events.note_added(actor);
    case 'status_changed':
      return t.events.status_changed(status(event.to));
    case 'priority_changed':
      return t.events.priority_changed(label('priority', event.from), label('priority', event.to));
    case 'category_changed':
      return t.events.category_changed(label('category', event.from), label('category', event.to));
    case 'plan_changed':
      return t.events.plan_changed(label('plan', event.to));
    case 'closed':
      return kind === 'system' ? t.events.closedBySystem : t.events.closed(actor);
    default:
      return t.events.other(event.kind);
  }
}
