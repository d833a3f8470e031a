import { html, nothing } from 'lit';
import type { TicketRow } from '../../../api/types';
import type { AgentText } from '../../../translations/agent/index';

// What a queue row shows of the team features: a box to pick it for a bulk action, who else is
// in the ticket, and the resources it is about.

/** The row's pick box, for the mouse (the keyboard picks with Space on the row). */
export function selectBox(ticket: TicketRow, checked: boolean, t: AgentText, toggle: () => void) {
  return html`<input type="checkbox" class="pick" tabindex="-1" aria-label=${t.team.select(ticket.subject)} .checked=${checked} @change=${toggle} />`;
}

/** Presence and resources in the row's meta line. */
export function rowTeam(ticket: TicketRow, t: AgentText) {
  const present = ticket.presence.map((p) => p.name).join('، ');
  return html`${present ? html`<span class="presence" data-presence=${ticket.presence.length}>${t.team.viewing(present)}</span>` : nothing}
  ${ticket.resources.length > 0 ? html`<span class="resources" dir="auto">${ticket.resources.map((r) => r.name).join(', ')}</span>` : nothing}`;
}
