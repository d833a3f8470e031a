// The customer's pages opened from the list (the new-ticket form, the plan table): a chunk of
// their own, imported by the customer view when one of them first opens.
import { defineElements } from '../../base/define';
import { PlanTable } from './plan-table/plan-table';
import { TicketForm } from './ticket-form/ticket-form';

defineElements([
  ['support-tickets-form', TicketForm],
  ['support-tickets-plans', PlanTable],
]);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets-form': TicketForm;
    'support-tickets-plans': PlanTable;
  }
}
