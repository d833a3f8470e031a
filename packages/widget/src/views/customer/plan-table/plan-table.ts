import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { PRIORITIES, type Priority } from '@support-tickets/core';
import type { Org } from '../../../api/types';
import { WidgetElement } from '../../../base/widget-element';
import { sharedStyles } from '../../../ui/shared.styles';
import { renderTask } from '../../../ui/states';
import { tableStyles } from '../../../ui/table.styles';
import { styles } from './plan-table.styles';
import { PLAN_TABLE_WORDS } from './words';

/**
 * The support plans (SPEC §2) side by side, the organisation's own highlighted and marked in
 * words; a custom plan gets its own column. The rows: the response target per priority, the
 * support hours and the architecture guidance each plan includes.
 *
 * @summary The plan table.
 * @tag support-tickets-plans
 * @csspart plans - The page.
 * @csspart plan-table - The table.
 * @csspart current-plan - The header of the organisation's plan.
 */
export class PlanTable extends WidgetElement {
  static override styles = [sharedStyles, tableStyles, styles];

  static override properties = { org: { attribute: false } };

  /** The organisation, when the enclosing view has it already. */
  declare org: Org | undefined;

  private readonly plans = new Task(this, {
    task: async ([api], { signal }) => {
      const [plans, org] = await Promise.all([api.listPlans(signal), this.org ?? api.getOrg(signal)]);
      return { plans, org };
    },
    args: () => [this.ctx.api] as const,
  });

  constructor() {
    super();
    this.org = undefined;
  }

  protected override updated() {
    this.revealCurrentPlan();
  }

  /** In a narrow box the table scrolls: bring the organisation's column into view. */
  private revealCurrentPlan() {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroll');
    const current = this.renderRoot.querySelector<HTMLElement>('th.current');
    const sticky = this.renderRoot.querySelector<HTMLElement>('th:first-child');
    if (!scroller || !current || scroller.scrollWidth <= scroller.clientWidth) return;
    const box = scroller.getBoundingClientRect();
    const cell = current.getBoundingClientRect();
    const covered = sticky?.getBoundingClientRect().width ?? 0;
    const rtl = getComputedStyle(scroller).direction === 'rtl';
    const start = rtl ? box.right - covered : box.left + covered;
    if (rtl) {
      if (cell.left < box.left) scroller.scrollLeft -= box.left - cell.left;
      else if (cell.right > start) scroller.scrollLeft += cell.right - start;
    } else if (cell.right > box.right) scroller.scrollLeft += cell.right - box.right;
    else if (cell.left < start) scroller.scrollLeft -= start - cell.left;
  }

  /** The table's words in the page's language (its chunk carries them). */
  private get words() {
    return PLAN_TABLE_WORDS[this.i18n.lang];
  }

  protected override render() {
    const { words } = this;
    return html`<section class="plans" part="plans" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${words.heading}</h2>
      ${renderTask(this.plans, this.i18n, {
        blockSize: '18rem',
        failed: words.loadFailed,
        complete: ({ plans, org }) => this.renderTable(plans, org),
      })}
    </section>`;
  }

  private renderTable(plans: ReadonlyArray<Org['plan']>, org: Org) {
    const { i18n, t, words } = this;
    const { labels } = i18n;
    const columns = org.plan.id === 'custom' ? [...plans, org.plan] : plans;
    const isCurrent = (plan: Org['plan']) => plan.id === org.plan.id;
    const notOffered = html`<span class="none"><span aria-hidden="true">—</span><span class="visually-hidden">${t.plans.notOffered}</span></span>`;
    const cell = (plan: Org['plan'], priority: Priority) => {
      const minutes = plan.responseMinutes[priority];
      return minutes ? t.target(i18n.duration(minutes)) : notOffered;
    };
    return html`<p>
        ${org.plan.id === 'custom' ? words.customPlan : words.yourPlan(labels.plan[org.plan.id])}
      </p>
      <p class="caption muted" aria-hidden="true">${words.caption}</p>
      <div class="scroll" role="region" aria-label=${words.tableLabel} tabindex="0">
        <table part="plan-table">
          <caption class="visually-hidden">${words.caption}</caption>
          <thead>
            <tr>
              <th scope="col">${t.field.priority}</th>
              ${columns.map(
                (plan) => html`<th scope="col" class=${isCurrent(plan) ? 'current' : ''} part=${isCurrent(plan) ? 'current-plan' : nothing}>
                  ${labels.plan[plan.id]}
                  ${isCurrent(plan) ? html`<span class="chip plain you">${words.current}</span>` : nothing}
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${PRIORITIES.map(
              (priority) => html`<tr>
                <th scope="row">${labels.priority[priority]}</th>
                ${columns.map((plan) => html`<td class=${isCurrent(plan) ? 'current' : ''}>${cell(plan, priority)}</td>`)}
              </tr>`,
            )}
            <tr>
              <th scope="row">${words.hours}</th>
              ${columns.map(
                (plan) =>
                  html`<td class=${isCurrent(plan) ? 'current' : ''}>
                    ${t.hours[plan.hours]}
                  </td>`,
              )}
            </tr>
            <tr data-row="guidance">
              <th scope="row">${words.guidance}</th>
              ${columns.map(
                (plan) => html`<td class="guidance ${isCurrent(plan) ? 'current' : ''}">${plan.architectureGuidance?.[i18n.lang] ?? notOffered}</td>`,
              )}
            </tr>
          </tbody>
        </table>
      </div>`;
  }
}
