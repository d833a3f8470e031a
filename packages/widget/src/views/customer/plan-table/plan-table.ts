import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { PLAN_IDS, PRIORITIES, type Priority } from '@support-tickets/core';
import type { Org, PlanInfo } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { sharedStyles } from '../../../ui/shared.styles';
import { tableStyles } from '../../../ui/table.styles';
import { errorState } from '../../../ui/states';
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
export class PlanTable extends LitElement {
  static override styles = [sharedStyles, tableStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    org: { attribute: false },
  };

  declare ctx: WidgetContext;
  /** The organisation, when the enclosing view has it already. */
  declare org: Org | undefined;

  private readonly plans = new Task(this, {
    task: async ([api], { signal }) => {
      const [plans, org] = await Promise.all([api.listPlans(signal), this.org ?? api.getOrg(signal)]);
      return { plans: orderPlans(plans), org };
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

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override render() {
    const { t } = this.ctx.i18n;
    return html`<section class="plans" part="plans" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${t.plans.heading}</h2>
      ${this.plans.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        error: (error) =>
          errorState(this.ctx.i18n, error, { title: t.plans.loadFailed, retry: () => void this.plans.run() }),
        complete: ({ plans, org }) => this.renderTable(plans, org),
      })}
    </section>`;
  }

  private renderLoading() {
    return html`<div class="skeleton" style="block-size: 18rem" aria-busy="true">
      <span class="visually-hidden" role="status">${this.ctx.i18n.t.loading}</span>
    </div>`;
  }

  private renderTable(plans: PlanInfo[], org: Org) {
    const { i18n } = this.ctx;
    const { t, labels } = i18n;
    const columns = org.plan.id === 'custom' ? [...plans, org.plan] : plans;
    const isCurrent = (plan: PlanInfo) => plan.id === org.plan.id;
    const cell = (plan: PlanInfo, priority: Priority) => {
      const minutes = plan.responseMinutes[priority];
      return minutes
        ? t.plans.target(i18n.duration(minutes))
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
              <th scope="col">${t.plans.priority}</th>
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
                    ${plan.hours === '24/7' ? t.plans.hours247 : t.plans.hoursBusiness}
                  </td>`,
              )}
            </tr>
          </tbody>
        </table>
      </div>`;
  }
}

/** `plan.list` gives the table as an array or keyed by plan id; show it in the seed's order. */
function orderPlans(value: unknown): PlanInfo[] {
  const list = (Array.isArray(value) ? value : Object.values((value ?? {}) as Record<string, unknown>)) as PlanInfo[];
  const rank = (plan: PlanInfo) => {
    const index = (PLAN_IDS as readonly string[]).indexOf(plan.id);
    return index === -1 ? PLAN_IDS.length : index;
  };
  return list.filter((plan) => plan && typeof plan === 'object' && 'responseMinutes' in plan).sort((a, b) => rank(a) - rank(b));
}
