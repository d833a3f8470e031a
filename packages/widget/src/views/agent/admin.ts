// The agent's rarely opened screens (the organisations and one organisation's panel with its
// plan form, the SLA overview, the webhooks): a chunk of their own, imported by the workspace
// when one of their tabs first opens, so the queue and a ticket (the daily work) come sooner.
import { defineElements } from '../../base/define';
import { OrgList } from './org-list/org-list';
import { OrgPanel } from './org-panel/org-panel';
import { PlanForm } from './plan-form/plan-form';
import { SlaOverview } from './sla-overview/sla-overview';
import { WebhooksView } from './webhooks/webhooks';

defineElements([
  ['support-tickets-org-list', OrgList],
  ['support-tickets-org-panel', OrgPanel],
  ['support-tickets-plan-form', PlanForm],
  ['support-tickets-sla-overview', SlaOverview],
  ['support-tickets-webhooks', WebhooksView],
]);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets-org-list': OrgList;
    'support-tickets-org-panel': OrgPanel;
    'support-tickets-plan-form': PlanForm;
    'support-tickets-sla-overview': SlaOverview;
    'support-tickets-webhooks': WebhooksView;
  }
}
