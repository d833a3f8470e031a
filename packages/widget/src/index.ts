import { SupportTickets } from './support-tickets/support-tickets';
import { CustomerView } from './views/customer/customer-view/customer-view';
import { TicketDetail } from './views/customer/ticket-detail/ticket-detail';
import { TicketForm } from './views/customer/ticket-form/ticket-form';
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

/** Every element of the widget. Inner views are prefixed so they cannot collide with a host's. */
const ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['support-tickets', SupportTickets],
  ['support-tickets-customer', CustomerView],
  ['support-tickets-list', TicketList],
  ['support-tickets-detail', TicketDetail],
  ['support-tickets-form', TicketForm],
];

// A host that loads the script twice (or two versions) must not crash on a second define.
for (const [tag, element] of ELEMENTS) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets': SupportTickets;
    'support-tickets-customer': CustomerView;
    'support-tickets-list': TicketList;
    'support-tickets-detail': TicketDetail;
    'support-tickets-form': TicketForm;
  }
  interface GlobalEventHandlersEventMap extends SupportTicketsEventMap {}
}
