// The agent's workspace: its own chunk, imported by <support-tickets> only for an agent's
// token, so customers never download it.
import { defineElements } from '../../base/define';
import { AgentComposer } from './agent-composer/agent-composer';
import { AgentQueue } from './agent-queue/agent-queue';
import { AgentTicket } from './agent-ticket/agent-ticket';
import { AgentView } from './agent-view/agent-view';
import { OrgList } from './org-list/org-list';
import { OrgPanel } from './org-panel/org-panel';
import { PlanForm } from './plan-form/plan-form';
import { QueueFiltersForm } from './queue-filters/queue-filters';
import { SlaOverview } from './sla-overview/sla-overview';
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
  ['support-tickets-org-list', OrgList],
  ['support-tickets-org-panel', OrgPanel],
  ['support-tickets-plan-form', PlanForm],
  ['support-tickets-sla-overview', SlaOverview],
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
    'support-tickets-org-list': OrgList;
    'support-tickets-org-panel': OrgPanel;
    'support-tickets-plan-form': PlanForm;
    'support-tickets-sla-overview': SlaOverview;
    'support-tickets-macro-picker': MacroPicker;
    'support-tickets-bulk-bar': BulkBar;
  }
}
