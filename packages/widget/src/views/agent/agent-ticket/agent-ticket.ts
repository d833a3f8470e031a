import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { TicketDetail, TicketMessage } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { LiveRefresh } from '../../../live/live-refresh';
import { messageBody } from '../../../ui/message-body';
import { pageStyles } from '../../../ui/page.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { ticketStyles } from '../../../ui/ticket.styles';
import { errorState } from '../../../ui/states';
import { exactTime, relativeTime } from '../../../ui/time';
import { timeline } from '../../customer/ticket-detail/timeline';
import { OpenTicket } from '../../open-ticket';
import { AgentBackEvent, AgentNavigateEvent, TicketUpdatedEvent, type AgentDrafts } from '../navigation';
import type { OrgDirectory } from '../org-directory';
import { agentSlaChip, readAgentSla } from '../sla-chip';
import { slaExplanation } from './sla-explanation';
import { styles } from './agent-ticket.styles';
import { agentText } from '../../../translations/agent/index';

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
 * @csspart banner - The waiting-on-customer or closed notice.
 * @csspart explanation - The "Why is this due then?" disclosure.
 * @csspart timeline - The timeline.
 */
export class AgentTicket extends LitElement {
  static override styles = [sharedStyles, pageStyles, panelStyles, ticketStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    ticketId: { attribute: false },
    drafts: { attribute: false },
    directory: { attribute: false },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare ticketId: string;
  declare drafts: AgentDrafts;
  declare directory: OrgDirectory;

  private readonly ticket = new OpenTicket(this);

  /** The ticket's organisation: its name and its plan's priorities. */
  private readonly org = new Task(this, {
    task: ([api, orgId], { signal }) => (orgId ? api.getOrg(signal, orgId) : undefined),
    args: () => [this.ctx.api, this.ticket.value?.orgId] as const,
  });

  private readonly livePlan = new LiveRefresh(this, {
    matches: (change) => change.kind === 'plan_changed' && change.orgId === this.ticket.value?.orgId,
    refresh: () => this.org.run(),
  });

  constructor() {
    super();
    this.ticketId = '';
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private onUpdated = (event: Event) => {
    if (event instanceof TicketUpdatedEvent) this.ticket.set(event.ticket);
  };

  private back() {
    this.dispatchEvent(new AgentBackEvent());
  }

  protected override render() {
    const { i18n } = this.ctx;
    const { t, labels } = i18n;
    const ticket = this.ticket.value;
    const { load } = this.ticket;
    const failed = load.status === 3 && !ticket;
    const org = this.org.value;
    const orgName = ticket ? (org?.name ?? this.directory?.name(ticket.orgId) ?? ticket.orgId) : '';
    return html`<article class="detail" part="detail" aria-labelledby="heading" aria-busy=${!ticket && !failed ? 'true' : 'false'}>
      <div class="top">
        <button type="button" class="btn link back" @click=${this.back}>
          <span class="arrow" aria-hidden="true">←</span> ${agentText(this.ctx.i18n).back}
        </button>
        <h2 id="heading" tabindex="-1" dir="auto">${ticket ? ticket.subject : failed ? t.detail.facts : t.detail.loadingHeading}</h2>
        ${ticket
          ? html`<div class="chips">
              <span class="chip plain status">${labels.status[ticket.status]}</span>
              ${agentSlaChip(ticket, this.now, i18n)}
              <button
                type="button"
                class="btn link org-link"
                @click=${() => this.dispatchEvent(new AgentNavigateEvent({ view: 'org', id: ticket.orgId }))}
              >
                <span dir="auto">${agentText(this.ctx.i18n).ticket.openOrg(orgName)}</span>
                ${org ? html`<span class="chip plain">${labels.plan[org.plan.id]}</span>` : nothing}
              </button>
            </div>`
          : nothing}
      </div>
      ${failed
        ? errorState(i18n, load.error, { retry: () => void load.run() })
        : ticket
          ? this.renderTicket(ticket)
          : html`<div class="skeleton" style="block-size: 16rem"></div>`}
    </article>`;
  }

  private renderTicket(ticket: TicketDetail) {
    return html`<div class="layout" @st-ticket-updated=${this.onUpdated}>
      <div class="main">
        ${this.renderBanner(ticket)} ${this.renderThread(ticket)}
        ${ticket.status === 'closed'
          ? nothing
          : html`<support-tickets-agent-composer
              .ctx=${this.ctx}
              .ticket=${ticket}
              .drafts=${this.drafts}
              exportparts="composer, submit"
            ></support-tickets-agent-composer>`}
      </div>
      <aside class="aside">
        <support-tickets-agent-actions
          .ctx=${this.ctx}
          .ticket=${ticket}
          .org=${this.org.value}
          exportparts="actions, accept, close"
        ></support-tickets-agent-actions>
        ${this.renderSla(ticket)} ${this.renderFacts(ticket)} ${timeline(ticket.events, this.ctx, this.now)}
      </aside>
    </div>`;
  }

  private renderBanner(ticket: TicketDetail) {
    const { i18n } = this.ctx;
    const a = agentText(this.ctx.i18n).ticket;
    if (ticket.status === 'closed' && ticket.closedAt) {
      const by = a.closedBy[ticket.closedBy ?? 'agent'];
      return html`<p class="banner" part="banner" data-kind="closed">
        ${relativeTime(i18n, ticket.closedAt, this.now, (relative) => a.closedBanner(by, relative))}
      </p>`;
    }
    if (ticket.status === 'awaiting_customer' && ticket.autoCloseAt) {
      return html`<p class="banner" part="banner" data-kind="auto-close" role="note">
        ${relativeTime(i18n, ticket.autoCloseAt, this.now, a.autoCloseBanner)}
      </p>`;
    }
    return nothing;
  }

  private renderThread(ticket: TicketDetail) {
    const { t } = this.ctx.i18n;
    return html`<section class="thread-section" aria-labelledby="thread-heading">
      <h3 id="thread-heading">${t.detail.conversation}</h3>
      ${ticket.messages.length === 0
        ? html`<p class="muted">${t.detail.noMessages}</p>`
        : html`<ol class="thread" part="thread">
            ${ticket.messages.map((message) => this.renderMessage(message))}
          </ol>`}
    </section>`;
  }

  private renderMessage(message: TicketMessage) {
    const { i18n, session } = this.ctx;
    const { t } = i18n;
    const internal = message.visibility === 'internal';
    const support = message.authorRole === 'agent';
    const name = message.authorId === session.userId ? t.detail.actor.you : message.authorName || (support ? t.detail.actor.support : agentText(this.ctx.i18n).ticket.customer);
    return html`<li class="message" part=${internal ? 'note' : 'message'} data-author=${support ? 'support' : 'customer'} data-visibility=${internal ? 'internal' : 'public'}>
      <div class="message-head">
        <span class="author" dir="auto">${name}</span>
        ${internal
          ? html`<span class="chip note-label">${agentText(this.ctx.i18n).ticket.internalNote}</span>`
          : html`<span class="chip plain role">${support ? t.detail.actor.support : agentText(this.ctx.i18n).ticket.customer}</span>`}
        <span class="muted when">${relativeTime(i18n, message.createdAt, this.now)}</span>
      </div>
      ${messageBody(message.body)}
    </li>`;
  }

  private renderSla(ticket: TicketDetail) {
    const { i18n } = this.ctx;
    const a = agentText(this.ctx.i18n).ticket;
    const open = ticket.status !== 'closed';
    const sla = readAgentSla(ticket, this.now, i18n);
    return html`<section class="box sla-box" aria-labelledby="sla-heading">
      <h3 id="sla-heading">${a.sla}</h3>
      <dl>
        ${ticket.dueAt && open
          ? html`<div data-field="due"><dt>${a.due}</dt><dd>${exactTime(i18n, ticket.dueAt, this.now)}</dd></div>
              <div data-field="left"><dt>${a.timeLeft}</dt><dd>${sla.left}</dd></div>`
          : nothing}
        ${ticket.autoCloseAt && open
          ? html`<div data-field="auto-close"><dt>${a.autoClose}</dt><dd>${exactTime(i18n, ticket.autoCloseAt, this.now)}</dd></div>`
          : nothing}
      </dl>
      ${!ticket.dueAt && open ? html`<p class="muted">${a.noCycle}</p>` : nothing}
      ${ticket.explanation && open ? slaExplanation(ticket.explanation, i18n) : nothing}
    </section>`;
  }

  private renderFacts(ticket: TicketDetail) {
    const { i18n } = this.ctx;
    const { t } = i18n;
    return html`<section class="box" aria-labelledby="facts-heading">
      <h3 id="facts-heading">${t.detail.facts}</h3>
      <dl>
        <div><dt>${t.detail.openedBy}</dt><dd dir="auto">${ticket.createdByName ?? ticket.createdBy}</dd></div>
        <div><dt>${t.detail.opened}</dt><dd>${exactTime(i18n, ticket.createdAt, this.now)}</dd></div>
        <div><dt>${t.detail.updated}</dt><dd>${relativeTime(i18n, ticket.updatedAt, this.now)}</dd></div>
        <div><dt>${t.detail.reference}</dt><dd class="ref" dir="ltr">${ticket.id}</dd></div>
      </dl>
    </section>`;
  }
}
