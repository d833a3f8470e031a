// One ticket as its customer sees it (the conversation, the reply form, closing, earlier
// messages): a chunk of its own. The customer view asks for it as soon as it shows, beside the
// list's own request, so it is here before a ticket is opened; the main file shows the list.
import { defineElements } from '../../base/define';
import { TicketDetail } from './ticket-detail/ticket-detail';

defineElements([['support-tickets-detail', TicketDetail]]);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets-detail': TicketDetail;
  }
}
