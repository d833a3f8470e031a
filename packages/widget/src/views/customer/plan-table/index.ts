import { PlanTable } from './plan-table';

// The plan table, a chunk of its own: customers seldom open it, so the main file does not carry it.

if (!customElements.get('support-tickets-plans')) customElements.define('support-tickets-plans', PlanTable);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets-plans': PlanTable;
  }
}
