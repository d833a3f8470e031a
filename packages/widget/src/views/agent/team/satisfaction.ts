import { html } from 'lit';
import type { SlaOverview } from '../../../api/types';
import type { I18n } from '../../../i18n/localize';
import type { AgentText } from '../../../translations/agent/index';

/** The SLA overview's satisfaction per plan: customers' ratings of the last 30 days. */
export function satisfaction(rows: SlaOverview['satisfaction'], t: AgentText, i18n: I18n) {
  const { team } = t;
  return html`<section class="satisfaction" part="satisfaction" aria-labelledby="satisfaction-heading">
    <h3 id="satisfaction-heading">${team.satisfaction}</h3>
    <dl>
      ${rows.map(
        (row) => html`<div data-plan=${row.planId}>
          <dt>${i18n.labels.plan[row.planId]}</dt>
          <dd>${row.share === null ? team.noRatings : team.satisfactionShare(i18n.percent(row.share), i18n.number(row.good), i18n.number(row.bad))}</dd>
        </div>`,
      )}
    </dl>
  </section>`;
}
