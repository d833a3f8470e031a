import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { TicketDetail } from '../../../api/types';
import { ContextConsumer } from '../../../base/context';
import { TicketPage } from '../../../base/ticket-page';
import { agentText, type AgentText } from '../../../translations/agent/index';
import { pageStyles } from '../../../ui/page.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { EarlierMessages } from '../../../ui/earlier-messages';
import { commonFacts, facts, thread, ticketBanner } from '../../../ui/ticket-parts';
import { ticketStyles } from '../../../ui/ticket.styles';
import { isolated } from '../../../ui/isolate';
import { exactTime, readerTime, relativeTime } from '../../../ui/time';
import { timeline } from '../../../ui/timeline';
import { NavigateEvent } from '../../../workspace/events';
import { agentStoreContext } from '../agent-store';
import { agentSlaChip, readAgentSla } from '../sla-chip';
import { PresenceBeat } from '../team/presence';
import { assignmentText, presenceLine, teamFacts } from '../team/ticket-team';
import { slaExplanation } from './sla-explanation';
import { styles } from './agent-ticket.styles';

/**
 * One ticket as support works on it: the whole conversation with internal notes (marked as
 * never shown to the customer), the composer for replies and notes, the actions, the SLA with
 * why it is due when it is, the facts and the timeline. Every action answers with the ticket
 * as it now is; changes made elsewhere arrive live.
 *
 * @summary The agent's ticket page.
 * @tag support-tickets-agent-ticket
 * @csspart detail - The page.
 * @csspart thread - The conversation.
 * @csspart message - A message of the conversation.
 * @csspart note - An internal note.
 * @csspart earlier - The "Show earlier messages" button.
 * @csspart banner - The waiting-on-customer or closed notice.
 * @csspart explanation - The "Why is this due then?" disclosure.
 * @csspart timeline - The timeline.
 */
export class AgentTicket extends TicketPage {
  static override styles = [sharedStyles, pageStyles, panelStyles, ticketStyles, styles];

  private readonly agentStore = new ContextConsumer(this, agentStoreContext);
  private readonly earlier = new EarlierMessages(this, () => this.ctx);
  private readonly presence = new PresenceBeat(this, () => (this.ticketId ? { api: this.ctx.api, ticketId: this.ticketId } : null));

  /** The ticket's organisation: its name and its plan's priorities. */
  private readonly org = new Task(this, {
    task: ([api, orgId], { signal }) => (orgId ? this.agentStore.value!.org(api, orgId, signal) : undefined),
    args: () => [this.ctx.api, this.ticket.value?.orgId] as const,
  });

  constructor() {
    super();
    this.follow({ matches: (change) => change.kind === 'plan_changed' && change.orgId === this.ticket.value?.orgId, refresh: () => this.org.run() });
  }

  protected override get t(): AgentText {
    return agentText(this.i18n);
  }

  protected override get backLabel() {
    return this.t.back;
  }

  protected override renderChips(ticket: TicketDetail) {
    const { t, i18n } = this;
    const org = this.org.value;
    const orgName = org?.name ?? this.agentStore.value!.orgName(ticket.orgId) ?? ticket.orgId;
    return html`<div class="chips">
      <span class="chip plain status">${i18n.labels.status[ticket.status]}</span>
      ${agentSlaChip(ticket, t, i18n)}
      <button type="button" class="btn link org-link" @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'org', id: ticket.orgId }))}>
        <span>${isolated(t.ticket.openOrg, orgName)}</span>
        ${org ? html`<span class="chip plain">${i18n.labels.plan[org.plan.id]}</span>` : nothing}
      </button>
    </div>`;
  }

  protected override renderTicket(ticket: TicketDetail) {
    const { ctx, now, t, i18n } = this;
    return html`<div class="layout">
      <div class="main">
        ${ticketBanner(ticket, ctx, now, { autoClose: t.ticket.autoCloseBanner, closed: this.renderClosed(ticket) })}
        ${thread(this.earlier.messages(ticket), ctx, now, t.note.warning, this.earlier.button(ticket))}
        ${presenceLine(this.presence.others, t)}
        ${ticket.actions.includes('reply')
          ? html`<support-tickets-agent-composer
              .ticket=${ticket}
              exportparts="composer, submit, conflict, macros"
              @composer-typing=${() => this.presence.typed()}
            ></support-tickets-agent-composer>`
          : nothing}
      </div>
      <aside class="aside">
        <support-tickets-agent-actions .ticket=${ticket} .org=${this.org.value} exportparts="actions, accept, close"></support-tickets-agent-actions>
        ${this.renderSla(ticket)}
        ${facts(t.detail.facts, [[t.detail.openedBy, ticket.createdByName], ...commonFacts(ticket, ctx, now), ...teamFacts(ticket, t, i18n, this)])}
        ${timeline(ticket.events, ctx, now, (event) => assignmentText(event, t))}
      </aside>
    </div>`;
  }

  private renderClosed(ticket: TicketDetail) {
    const { t, i18n, now } = this;
    if (!ticket.closedAt) return nothing;
    const by = t.closedBy[ticket.closedBy ?? 'agent'];
    return html`<p class="banner" part="banner" data-kind="closed">${relativeTime(i18n, ticket.closedAt, now, (relative) => t.ticket.closedBanner(by, relative))}</p>`;
  }

  private renderSla(ticket: TicketDetail) {
    const { t, i18n, now } = this;
    const open = ticket.status !== 'closed';
    const sla = readAgentSla(ticket, t, i18n);
    return html`<section class="box sla-box" aria-labelledby="sla-heading">
      <h3 id="sla-heading">${t.ticket.sla}</h3>
      <dl>
        ${ticket.dueAt && open
          ? html`<div data-field="due"><dt>${t.ticket.due}</dt><dd>${readerTime(i18n, ticket.dueAt, now)}</dd></div>
              <div data-field="left"><dt>${t.ticket.timeLeft}</dt><dd>${sla.left}</dd></div>`
          : nothing}
        ${ticket.autoCloseAt && open
          ? html`<div data-field="auto-close"><dt>${t.ticket.autoClose}</dt><dd>${exactTime(i18n, ticket.autoCloseAt, now)}</dd></div>`
          : nothing}
      </dl>
      ${!ticket.dueAt && open ? html`<p class="muted">${t.ticket.noCycle}</p>` : nothing}
      ${ticket.explanation && open ? slaExplanation(ticket.explanation, t, i18n) : nothing}
    </section>`;
  }
}
