import { html } from 'lit';
import type { TicketDetail } from '../api/types';
import type { WidgetContext } from '../base/context';
import { onDemand } from './on-demand';

// A closed ticket's rating comes with the customer's pages (views/customer/pages.ts), loaded
// when a closed ticket shows: the main file carries only its tag. Until they are here the tag
// stays empty.
const chunk = onDemand(() => import('../views/customer/pages'));

/** The customer's rating of a closed ticket (`<st-rating>`): the question while allowed, the rating once given. */
export function ratingForm(ticket: TicketDetail, ctx: WidgetContext) {
  void chunk().catch(() => undefined);
  return html`<st-rating .ctx=${ctx} .ticket=${ticket}></st-rating>`;
}
