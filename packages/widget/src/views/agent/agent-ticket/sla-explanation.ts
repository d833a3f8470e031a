import { html } from 'lit';
import type { SlaExplanation } from '../../../api/types';
import type { I18n } from '../../../i18n/localize';
import type { AgentText } from '../../../translations/agent/index';
import { readerZone } from '../../../ui/time';

/**
 * "Why is this due then?": the plan, priority and target the cycle runs under, and the
 * working periods counted, which add up to the target. Business hours are shown in the
 * calendar's zone (that is where they are defined); around-the-clock plans in the reader's;
 * either way the zone is named.
 */
export function slaExplanation(explanation: SlaExplanation, t: AgentText, i18n: I18n) {
  const { labels } = i18n;
  const a = t.ticket;
  const { policy } = explanation;
  const business = policy.hours === 'business';
  const timeZone = business ? explanation.timeZone : undefined;
  const at = new Intl.DateTimeFormat(t.intlLocale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const clock = new Intl.DateTimeFormat(t.intlLocale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const start = new Date(explanation.startedAt);
  const due = new Date(explanation.dueAt);
  // Worded from the facts rather than the server's English summary, so the lead and the
  // periods below it give their times in the same zone and the same words.
  const lead = a.whyLead(
    labels.plan[policy.planId],
    labels.priority[policy.priority],
    i18n.duration(policy.targetMinutes),
    business ? a.clockBusiness(explanation.timeZone) : a.clock247,
    at.format(start),
    at.format(due),
  );
  return html`<details class="explanation" part="explanation">
    <summary>${a.why}</summary>
    <p>${lead}</p>
    <p class="label">${a.periods(timeZone ?? readerZone())}</p>
    <ol class="periods">
      ${explanation.periods.map((period) => {
        const from = new Date(period.start);
        const to = new Date(period.end);
        const end = day.format(from) === day.format(to) ? clock.format(to) : at.format(to);
        return html`<li>${a.period(at.format(from), end, i18n.duration(period.minutes))}</li>`;
      })}
    </ol>
  </details>`;
}
