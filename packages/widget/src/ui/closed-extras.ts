import { html } from 'lit';
import type { TicketDetail } from '../api/types';
import { onDemand } from './on-demand';

// A closed ticket's follow-up and rating are a chunk of their own (closed-ticket/), loaded when
// a closed ticket shows: the main file carries only their tag.
const load = onDemand(() => import('../closed-ticket/index'));

/** What the customer may still do about a closed ticket (`<st-closed-extras>`). */
export function closedExtras(ticket: TicketDetail) {
  load();
  return html`<st-closed-extras .ticket=${ticket}></st-closed-extras>`;
}
