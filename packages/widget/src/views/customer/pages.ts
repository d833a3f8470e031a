// The customer's pages opened from the list (the new-ticket form, the plan table): a chunk of
// their own, imported by the customer view when one of them first opens.
import { PlanTable } from './plan-table/plan-table';
import { TicketForm } from './ticket-form/ticket-form';

if (!customElements.get('support-tickets-form')) customElements.define('support-tickets-form', TicketForm);
if (!customElements.get('support-tickets-plans')) customElements.define('support-tickets-plans', PlanTable);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets-form': TicketForm;
    'support-tickets-plans': PlanTable;
  }
}
