import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { WebhookDelivery, WebhookEndpoint } from '../../../api/types';
import { formStyles } from '../../../ui/form.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { errorText, renderTask } from '../../../ui/states';
import { tableStyles } from '../../../ui/table.styles';
import { relativeTime } from '../../../ui/time';
import { AgentElement } from '../agent-element';
import { agentStyles } from '../agent.styles';
import { WEBHOOK_TEXT } from './webhooks.text';

/**
 * The webhook endpoints (SPEC §6): the list, a form to add one (its secret shown once), each
 * one's recent deliveries with their status and error, redeliver, and a test ping.
 *
 * @summary The agents' webhooks screen.
 * @tag support-tickets-webhooks
 * @csspart webhooks - The page.
 */
export class WebhooksView extends AgentElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    formStyles,
    tableStyles,
    agentStyles,
    css`
      .endpoint { display: grid; gap: 0.4rem; margin-block: 0.75rem; }
      .url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
      .secret { font-family: ui-monospace, monospace; overflow-wrap: anywhere; user-select: all; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      form { display: grid; gap: 0.5rem; max-inline-size: 40rem; }
    `,
  ];

  static override properties = { busy: { state: true }, message: { state: true }, secret: { state: true }, open: { state: true } };

  declare private busy: boolean;
  /** What the last action said (an error, or "queued"). */
  declare private message: string;
  /** The secret of the endpoint just added: shown this once. */
  declare private secret: string;
  /** The endpoint whose deliveries are shown. */
  declare private open: string;

  constructor() {
    super();
    this.busy = false;
    this.message = this.secret = this.open = '';
  }

  private readonly endpoints = new Task(this, {
    task: ([api], { signal }) => api.call('webhook.list', (client) => client.webhook.list.query(undefined, { signal }), signal),
    args: () => [this.ctx.api] as const,
  });

  private readonly deliveries = new Task(this, {
    task: ([api, id], { signal }) =>
      id ? api.call('webhook.deliveries', (client) => client.webhook.deliveries.query({ id }, { signal }), signal) : Promise.resolve(null),
    args: () => [this.ctx.api, this.open] as const,
  });

  private get w() {
    return WEBHOOK_TEXT[this.i18n.lang];
  }

  /** Runs an action, says how it went, and reads the list (and open log) again. */
  private async act(run: () => Promise<unknown>, done = '') {
    this.busy = true;
    this.message = '';
    try {
      await run();
      this.message = done;
      await this.endpoints.run();
      if (this.open) await this.deliveries.run();
    } catch (error) {
      this.message = `${this.w.failed} ${errorText(error, this.i18n)}`;
    } finally {
      this.busy = false;
    }
  }

  private add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const url = String(data.get('url') ?? '').trim();
    const orgId = String(data.get('orgId') ?? '').trim();
    void this.act(async () => {
      const created = await this.ctx.api.call('webhook.create', (client) => client.webhook.create.mutate({ url, ...(orgId ? { orgId } : {}) }));
      this.secret = created.secret;
      form.reset();
    });
  }

  protected override render() {
    const w = this.w;
    return html`<section part="webhooks" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${w.heading}</h2>
      <p class="muted">${w.intro}</p>
      <form class="box" @submit=${this.add}>
        <label class="label" for="url">${w.url}</label>
        <input id="url" name="url" type="url" required dir="ltr" placeholder="https://" autocomplete="off" />
        <label class="label" for="org">${w.orgId}</label>
        <input id="org" name="orgId" type="text" dir="ltr" autocomplete="off" />
        <div class="buttons"><button class="btn" type="submit" ?disabled=${this.busy}>${this.busy ? w.adding : w.add}</button></div>
      </form>
      ${this.secret
        ? html`<div class="banner" role="status" data-kind="secret"><p>${w.secretTitle}</p><p class="secret" dir="ltr">${this.secret}</p></div>`
        : nothing}
      <p role="status" class="muted">${this.message}</p>
      ${renderTask(this.endpoints, this.i18n, {
        complete: (list) => (list.length === 0 ? html`<p class="muted">${w.empty}</p>` : html`<ul class="plain">${list.map((e) => this.renderEndpoint(e))}</ul>`),
      })}
    </section>`;
  }

  private renderEndpoint(endpoint: WebhookEndpoint) {
    const w = this.w;
    const shown = this.open === endpoint.id;
    const call = (run: () => Promise<unknown>, done = '') => () => void this.act(run, done);
    return html`<li class="endpoint box" data-endpoint=${endpoint.id}>
      <p class="url" dir="ltr">${endpoint.url}</p>
      <p class="muted">${endpoint.orgId ? w.oneOrg(endpoint.orgId) : w.allOrgs} · ${endpoint.disabledAt ? w.disabled(endpoint.disabledReason ?? '') : w.active}</p>
      <div class="buttons">
        <button type="button" class="btn secondary" ?disabled=${this.busy} @click=${call(() => this.ctx.api.call('webhook.test', (c) => c.webhook.test.mutate({ id: endpoint.id })), w.sent)}>${w.test}</button>
        <button type="button" class="btn secondary" aria-expanded=${shown} @click=${() => (this.open = shown ? '' : endpoint.id)}>${shown ? w.hide : w.deliveries}</button>
        <button type="button" class="btn danger" ?disabled=${this.busy} @click=${call(() => this.ctx.api.call('webhook.delete', (c) => c.webhook.delete.mutate({ id: endpoint.id })))}>${w.remove}</button>
      </div>
      ${shown ? renderTask(this.deliveries, this.i18n, { complete: (page) => this.renderDeliveries(page?.items ?? []) }) : nothing}
    </li>`;
  }

  private renderDeliveries(items: WebhookDelivery[]) {
    const { i18n, now } = this;
    const w = this.w;
    if (items.length === 0) return html`<p class="muted">${w.noDeliveries}</p>`;
    return html`<div class="scroll" role="region" aria-label=${w.deliveries} tabindex="0">
      <table>
        <thead><tr><th scope="col">${w.event}</th><th scope="col">${w.status}</th><th scope="col">${w.result}</th><th scope="col">${w.retry}</th><th scope="col">${w.redeliver}</th></tr></thead>
        <tbody>
          ${items.map((delivery) => {
            const last = delivery.attempts[0];
            return html`<tr data-delivery=${delivery.id} data-status=${delivery.status}>
              <td dir="ltr">${delivery.event}</td>
              <td>${w.state[delivery.status]} (${w.attempts(delivery.attempts.length)})</td>
              <td dir="ltr">${last ? `${last.statusCode ?? '—'} · ${i18n.number(last.durationMs)} ms${last.error ? ` · ${last.error}` : ''}` : '—'}</td>
              <td>${delivery.nextAttemptAt ? relativeTime(i18n, delivery.nextAttemptAt, now) : '—'}</td>
              <td><button type="button" class="btn secondary" ?disabled=${this.busy}
                @click=${() => void this.act(() => this.ctx.api.call('webhook.redeliver', (c) => c.webhook.redeliver.mutate({ deliveryId: delivery.id })), w.sent)}>${w.redeliver}</button></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}
