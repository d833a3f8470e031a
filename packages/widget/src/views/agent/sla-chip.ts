import { html } from 'lit';
import type { I18n } from '../../i18n/localize';
import type { AgentText } from '../../translations/agent/index';
import { dueTitle, SLA_TONES, timeLeft, type SlaFacts } from '../../ui/sla';

/** The SLA as an agent reads it: the state, and the time left or overdue as the server counts it ("At risk · 40 min left"). */
export function readAgentSla(ticket: SlaFacts, t: AgentText, i18n: I18n) {
  const time = timeLeft(ticket, i18n);
  const left = !time ? '' : !time.duration ? t.slaTime.dueNow : time.overdue ? t.slaTime.overdue(time.duration) : t.slaTime.left(time.duration);
  const label = t.slaState[ticket.sla];
  return { tone: SLA_TONES[ticket.sla], label, left, title: dueTitle(ticket, i18n) || label };
}

export function agentSlaChip(ticket: SlaFacts, t: AgentText, i18n: I18n) {
  const sla = readAgentSla(ticket, t, i18n);
  return html`<span class="chip" part="sla" data-tone=${sla.tone} data-sla=${ticket.sla} title=${sla.title}
    >${sla.left ? `${sla.label}${t.joiner}` : sla.label}${sla.left ? html`<span class="left">${sla.left}</span>` : ''}</span
  >`;
}
