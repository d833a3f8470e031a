import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { PRIORITIES, type Priority } from '@support-tickets/core';
import type { Org } from '../../../api/types';
import { WidgetElement } from '../../../base/widget-element';
import { sharedStyles } from '../../../ui/shared.styles';
import { renderTask } from '../../../ui/states';
import { tableStyles } from '../../../ui/table.styles';
import { styles } from './plan-table.styles';

/**
 * The support plans (SPEC §2) side by side, the organisation's own highlighted and marked in
 * words; a custom plan gets its own column.
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

  protected override render() {
    const { t } = this;
    return html`<section class="plans" part="plans" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${t.plans.heading}</h2>
      ${renderTask(this.plans, this.i18n, {
        blockSize: '18rem',
        failed: t.plans.loadFailed,
        complete: ({ plans, org }) => this.renderTable(plans, org),
      })}
    </section>`;
  }

  private renderTable(plans: ReadonlyArray<Org['plan']>, org: Org) {
    const { i18n, t } = this;
    const { labels } = i18n;
    const columns = org.plan.id === 'custom' ? [...plans, org.plan] : plans;
    const isCurrent = (plan: Org['plan']) => plan.id === org.plan.id;
    const cell = (plan: Org['plan'], priority: Priority) => {
      const minutes = plan.responseMinutes[priority];
      return minutes
        ? t.target(i18n.duration(minutes))
        : html`<span class="none"><span aria-hidden="true">—</span><span class="visually-hidden">${t.plans.notOffered}</span></span>`;
    };
    return html`<p>
        ${org.plan.id === 'custom' ? t.plans.customPlan : t.plans.yourPlan(labels.plan[org.plan.id])}
      </p>
      <p class="caption muted" aria-hidden="true">${t.plans.caption}</p>
      <div class="scroll" role="region" aria-label=${t.plans.tableLabel} tabindex="0">
        <table part="plan-table">
          <caption class="visually-hidden">${t.plans.caption}</caption>
          <thead>
            <tr>
              <th scope="col">${t.field.priority}</th>
              ${columns.map(
                (plan) => html`<th scope="col" class=${isCurrent(plan) ? 'current' : ''} part=${isCurrent(plan) ? 'current-plan' : nothing}>
                  ${labels.plan[plan.id]}
                  ${isCurrent(plan) ? html`<span class="chip plain you">${t.plans.current}</span>` : nothing}
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
              <th scope="row">${t.plans.hours}</th>
              ${columns.map(
                (plan) =>
                  html`<td class=${isCurrent(plan) ? 'current' : ''}>
                    ${t.hours[plan.hours]}
                  </td>`,
              )}
            </tr>
          </tbody>
        </table>
      </div>`;
  }
}
