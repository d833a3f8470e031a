import { defineElements } from './base/define';
import { SupportTickets } from './support-tickets/support-tickets';
import { CustomerView } from './views/customer/customer-view/customer-view';
import { TicketList } from './views/customer/ticket-list/ticket-list';
import type { SupportTicketsEventMap } from './events';

export { SupportTickets };
export { SupportTicketsError, type ErrorCode, type FieldIssue } from './api/errors';
export type {
  Ticket,
  TicketDetail as TicketWithThread,
  TicketMessage,
  TicketEvent,
  TicketChange,
  Org,
  PlanInfo,
  SlaExplanation,
} from './api/types';
export type { SupportTicketsEventMap, TicketEventDetail, ErrorEventDetail } from './events';
export type { Translation, Lang } from './translations/index';

/**
 * The elements every page needs. Inner views are prefixed so they cannot collide with a host's.
 * A ticket's page (views/customer/ticket.ts), the new-ticket form and the plan table
 * (views/customer/pages.ts) come on demand, the agent's workspace and attachments too.
 */
const ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['support-tickets', SupportTickets],
  ['support-tickets-customer', CustomerView],
  ['support-tickets-list', TicketList],
];

defineElements(ELEMENTS);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets': SupportTickets;
    'support-tickets-customer': CustomerView;
    'support-tickets-list': TicketList;
  }
  interface GlobalEventHandlersEventMap extends SupportTicketsEventMap {}
}
