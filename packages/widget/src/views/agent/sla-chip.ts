import { html } from 'lit';
import type { Ticket } from '../../api/types';
import type { I18n } from '../../i18n/localize';
import type { Tone } from '../../ui/sla';
import { agentText } from '../../translations/agent/index';

const MINUTE = 60_000;

const TONES: Record<Ticket['sla'], Tone> = {
  on_track: 'ok',
  at_risk: 'warn',
  breached: 'bad',
  paused: 'info',
  met: 'ok',
  missed: 'bad',
  none: 'muted',
};

/** The SLA as an agent reads it: the state, and the time left or overdue ("At risk · 40 min left"). */
export function readAgentSla(ticket: Pick<Ticket, 'sla' | 'dueAt' | 'status'>, now: Date, i18n: I18n) {
  const { t } = i18n;
  const due = ticket.dueAt && ticket.status !== 'closed' ? new Date(ticket.dueAt) : null;
  let state = ticket.sla;
  let left = '';
  if (due && (state === 'on_track' || state === 'at_risk' || state === 'breached')) {
    const minutes = (due.getTime() - now.getTime()) / MINUTE;
    // The clock ran out since the list was read: breached now, whatever the server said then.
    if (minutes < 0) state = 'breached';
    left =
      minutes < 0 ? agentText(i18n).sla.overdue(i18n.duration(Math.max(1, -minutes))) : minutes < 1 ? agentText(i18n).sla.dueNow : agentText(i18n).sla.left(i18n.duration(minutes));
  }
  return {
    state,
    tone: TONES[state],
    label: agentText(i18n).sla.state[state],
    left,
    title: due ? t.sla.dueAt(i18n.dateTime(due)) : agentText(i18n).sla.state[state],
  };
}

export function agentSlaChip(ticket: Pick<Ticket, 'sla' | 'dueAt' | 'status'>, now: Date, i18n: I18n) {
  const sla = readAgentSla(ticket, now, i18n);
  return html`<span class="chip" part="sla" data-tone=${sla.tone} data-sla=${sla.state} title=${sla.title}
    >${sla.left ? `${sla.label}${agentText(i18n).sla.joiner}` : sla.label}${sla.left ? html`<span class="left">${sla.left}</span>` : ''}</span
  >`;
}
