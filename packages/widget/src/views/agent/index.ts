// The agent's workspace: its own chunk, imported by <support-tickets> only for an agent's token,
// so customers never download it. Its rarely opened screens (organisations, SLA overview,
// webhooks) are a chunk of their own again (admin.ts), imported when one of their tabs opens.
import { defineElements } from '../../base/define';
import { AgentComposer } from './agent-composer/agent-composer';
import { AgentQueue } from './agent-queue/agent-queue';
import { AgentTicket } from './agent-ticket/agent-ticket';
import { AgentView } from './agent-view/agent-view';
import { QueueFiltersForm } from './queue-filters/queue-filters';
import { TicketActions } from './ticket-actions/ticket-actions';
import { BulkBar } from './team/bulk-bar';
import { MacroPicker } from './team/macro-picker';

const ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['support-tickets-agent', AgentView],
  ['support-tickets-queue', AgentQueue],
  ['support-tickets-queue-filters', QueueFiltersForm],
  ['support-tickets-agent-ticket', AgentTicket],
  ['support-tickets-agent-composer', AgentComposer],
  ['support-tickets-agent-actions', TicketActions],
  ['support-tickets-macro-picker', MacroPicker],
  ['support-tickets-bulk-bar', BulkBar],
];

defineElements(ELEMENTS);

export { AgentView };

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets-agent': AgentView;
    'support-tickets-queue': AgentQueue;
    'support-tickets-queue-filters': QueueFiltersForm;
    'support-tickets-agent-ticket': AgentTicket;
    'support-tickets-agent-composer': AgentComposer;
    'support-tickets-agent-actions': TicketActions;
    'support-tickets-macro-picker': MacroPicker;
    'support-tickets-bulk-bar': BulkBar;
  }
}
