import { Task } from '@lit/task';
import type { ComplianceLevel } from '@support-tickets/core';
import { html, nothing } from 'lit';
import type { ComplianceWindow, SlaOverview as Overview, SlaOverviewRow } from '../../../api/types';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { renderTask } from '../../../ui/states';
import { tableStyles } from '../../../ui/table.styles';
import { relativeTime } from '../../../ui/time';
import type { Tone } from '../../../ui/sla';
import { satisfaction } from '../team/satisfaction';
import { AgentElement } from '../agent-element';
import { agentStyles } from '../agent.styles';
import { styles } from './sla-overview.styles';

/** How a compliance level (core's, sent by the server) looks. */
const LEVEL_TONES: Record<ComplianceLevel, Tone> = { good: 'ok', fair: 'warn', poor: 'bad', none: 'muted' };

/**
 * Where the open tickets stand, per plan and priority (breached, at risk, on track), and the
 * share of response cycles answered in time over the last 7 and 30 days. Follows changes,
 * at most every few seconds.
 *
 * @summary The agents' SLA overview.
 * @tag support-tickets-sla-overview
 * @csspart sla-overview - The page.
 */
export class SlaOverview extends AgentElement {
  static override styles = [sharedStyles, panelStyles, tableStyles, agentStyles, styles];

  private readonly overview = new Task(this, {
    task: ([api], { signal }) => api.call('sla.overview', (client) => client.sla.overview.query({}, { signal }), signal),
    args: () => [this.ctx.api] as const,
  });

  constructor() {
    super();
    this.follow({ refresh: () => this.overview.run(), delayMs: 2_000 });
  }

  protected override render() {
    const { t, i18n } = this;
    const data = this.overview.value;
    return html`<section class="overview" part="sla-overview" aria-labelledby="heading">
      <div class="top spread">
        <h2 id="heading" tabindex="-1">${t.overview.heading}</h2>
        ${data ? html`<p class="muted generated">${relativeTime(i18n, data.generatedAt, this.now, t.updated)}</p>` : nothing}
      </div>
      ${renderTask(this.overview, i18n, { failed: t.overview.loadFailed, blockSize: '20rem', complete: (value) => this.renderOverview(value) })}
    </section>`;
  }

  private renderOverview(data: Overview) {
    const v = this.t.overview;
    return html`<section aria-labelledby="compliance-heading">
        <h3 id="compliance-heading">${v.compliance}</h3>
        <div class="compliance">
          ${this.renderWindow(v.last7, data.compliance.last7Days)} ${this.renderWindow(v.last30, data.compliance.last30Days)}
        </div>
      </section>
      ${this.renderTable(data.open)} ${satisfaction(data.satisfaction, this.t, this.i18n)}`;
  }

  private renderWindow(title: string, window: ComplianceWindow) {
    const { i18n } = this;
    const v = this.t.overview;
    const tone = LEVEL_TONES[window.level];
    return html`<div class="stat box edge" data-tone=${tone}>
      <p class="stat-title">${title}</p>
      ${window.share === null
        ? html`<p class="muted">${v.noCycles}</p>`
        : html`<p class="share">${v.share(i18n.percent(window.share))}</p>
            <p class="muted">${v.cycles(i18n.number(window.met), i18n.number(window.total))}</p>`}
    </div>`;
  }

  private renderTable(rows: SlaOverviewRow[]) {
    const { i18n, t } = this;
    const { labels } = i18n;
    const v = t.overview;
    const cell = (value: number, tone: string) =>
      html`<td class="num" data-tone=${value > 0 ? tone : 'zero'}>${i18n.number(value)}</td>`;
    // Rows of one plan share its header cell.
    const span = (index: number) => {
      const plan = rows[index]!.planId;
      if (index > 0 && rows[index - 1]!.planId === plan) return 0;
      let n = 1;
      while (rows[index + n]?.planId === plan) n++;
      return n;
    };
    return html`<div class="scroll" role="region" aria-labelledby="open-caption" tabindex="0">
      <table>
        <caption id="open-caption">${v.open}</caption>
        <thead>
          <tr>
            <th scope="col">${t.field.plan}</th>
            <th scope="col">${t.field.priority}</th>
            <th scope="col" class="num">${t.slaState.breached}</th>
            <th scope="col" class="num">${t.slaState.at_risk}</th>
            <th scope="col" class="num">${t.slaState.on_track}</th>
            <th scope="col" class="num">${v.total}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((row, index) => {
            const rowspan = span(index);
            return html`<tr data-plan=${row.planId} data-priority=${row.priority} class=${rowspan > 0 ? 'first' : ''}>
              ${rowspan > 0 ? html`<th scope="rowgroup" rowspan=${rowspan}>${labels.plan[row.planId]}</th>` : nothing}
              <th scope="row">${labels.priority[row.priority]}</th>
              ${cell(row.breached, 'bad')} ${cell(row.atRisk, 'warn')} ${cell(row.onTrack, 'ok')}
              <td class="num total">${i18n.number(row.total)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}
