import { html, nothing } from 'lit';
import type { TicketDetail, TicketEvent } from '../../../api/types';
import type { I18n } from '../../../i18n/localize';
import type { AgentText } from '../../../translations/agent/index';
import { NavigateEvent } from '../../../workspace/events';
import type { Presence } from './presence';

// What an agent's ticket page shows of the team features: who else is there, the resources,
// follow-up links both ways, the customer's rating, and who assigned whom.

/** "Omid viewing", "Sara typing…": a polite live region, so it is heard without taking focus. */
export function presenceLine(others: Presence, t: AgentText) {
  const typing = others.filter((p) => p.state === 'typing').map((p) => p.name);
  const viewing = others.filter((p) => p.state === 'viewing').map((p) => p.name);
  const parts = [typing.length ? t.team.typing(typing.join('، ')) : '', viewing.length ? t.team.viewing(viewing.join('، ')) : ''].filter(Boolean);
  return html`<p class="presence muted" part="presence" role="status" aria-live="polite">${parts.join(' · ') || nothing}</p>`;
}

/** The agent's wording of assignment events, with names; other events are left to the shared timeline. */
export function assignmentText(event: TicketEvent, t: AgentText): string | null {
  if (event.kind !== 'assigned') return null;
  const actor = event.actorName ?? t.actor.support;
  return t.team.assigned(actor, event.to ? (event.toName ?? event.to) : null, event.from ? (event.fromName ?? event.from) : null);
}

/** Facts rows for the resources, the follow-up links and the rating (absent ones are left out). */
export function teamFacts(ticket: TicketDetail, t: AgentText, i18n: I18n, host: EventTarget) {
  const { team } = t;
  const open = (id: string) => host.dispatchEvent(new NavigateEvent({ view: 'ticket', id }));
  const link = (linked: { id: string; number: number; subject: string }) =>
    html`<button type="button" class="btn link" data-ticket=${linked.id} @click=${() => open(linked.id)}>
      ${i18n.ticketNumber(linked.number)} <bdi>${linked.subject}</bdi>
    </button>`;
  const rows: Array<readonly [string, unknown, { field: string }]> = [];
  if (ticket.resources.length > 0) {
    rows.push([team.resources, html`${ticket.resources.map((r) => html`<span class="resource" dir="auto">${r.name} (${r.type}${r.region ? `, ${r.region}` : ''})</span> `)}`, { field: 'resources' }]);
  }
  if (ticket.followUpOfTicket) rows.push([team.followUpOf, link(ticket.followUpOfTicket), { field: 'follow-up-of' }]);
  if (ticket.followUps.length > 0) rows.push([team.followUps, html`${ticket.followUps.map(link)}`, { field: 'follow-ups' }]);
  if (ticket.rating) {
    rows.push([team.rating[ticket.rating.rating], ticket.rating.comment ? html`<bdi>${ticket.rating.comment}</bdi>` : '—', { field: 'rating' }]);
  }
  return rows;
}
