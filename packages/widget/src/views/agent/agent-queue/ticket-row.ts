import { html, nothing } from 'lit';
import type { TicketRow } from '../../../api/types';
import type { I18n } from '../../../i18n/localize';
import type { AgentText } from '../../../translations/agent/index';
import { subjectOf } from '../../../ui/search-match';
import { SLA_TONES } from '../../../ui/sla';
import { relativeTime } from '../../../ui/time';
import { agentSlaChip } from '../sla-chip';
import { rowTeam } from '../team/queue-row';

/** A row's place in the queue: whether it is the one in the tab order or picked; who reads it, and when. */
export interface TicketRowState {
  active: boolean;
  selected: boolean;
  /** The signed-in agent, to say "you" for their own tickets. */
  ownId: string;
  now: Date;
}

/** One ticket of the queue as a button: subject, SLA and status, then who, what and when. */
export function ticketRow(ticket: TicketRow, state: TicketRowState, t: AgentText, i18n: I18n, on: { focus(): void; open(): void }) {
  const { labels } = i18n;
  const assignee = !ticket.assigneeId ? t.assignee.none : ticket.assigneeId === state.ownId ? t.assignee.you : t.assignee.other;
  return html`<button
    type="button"
    class="row edge"
    part="ticket"
    data-id=${ticket.id}
    data-sla=${ticket.sla}
    aria-pressed=${state.selected ? 'true' : nothing}
    data-tone=${ticket.dueAt ? SLA_TONES[ticket.sla] : nothing}
    tabindex=${state.active ? '0' : '-1'}
    @focus=${on.focus}
    @click=${on.open}
  >
    ${subjectOf(ticket)}
    <span class="states">${agentSlaChip(ticket, t, i18n)}<span class="status chip plain" data-status=${ticket.status}>${labels.status[ticket.status]}</span></span>
    <span class="meta muted">
      <span class="number">${i18n.ticketNumber(ticket.number)}</span>
      <span class="org"><bdi>${ticket.orgName ?? ticket.orgId}</bdi></span>
      ${ticket.orgPlan ? html`<span>${labels.plan[ticket.orgPlan]}</span>` : nothing}
      <span>${labels.priority[ticket.priority]}</span>
      <span>${labels.category[ticket.category]}</span>
      <span>${assignee}</span>
      ${rowTeam(ticket, t)}
      <span>${relativeTime(i18n, ticket.updatedAt, state.now, t.updated)}</span>
    </span>
  </button>`;
}
