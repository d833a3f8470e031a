import { html } from 'lit';
import type { I18n } from '../i18n/localize';
import type { Ticket } from '../api/types';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

export interface SlaReading {
  tone: Tone;
  text: string;
  /** The exact due time, when there is one. */
  title: string;
}

const MINUTE = 60_000;

/**
 * The SLA as a customer reads it: "Reply due in 3 h", "Overdue by 20 min", "Answered —
 * waiting on you". Times are wall-clock from `dueAt`, so the words match the tooltip.
 */
export function readSla(ticket: Pick<Ticket, 'sla' | 'dueAt' | 'status'>, now: Date, i18n: I18n): SlaReading {
  const { t } = i18n;
  const due = ticket.dueAt ? new Date(ticket.dueAt) : null;
  const title = due ? t.sla.dueAt(i18n.dateTime(due)) : '';
  switch (ticket.sla) {
    case 'on_track':
    case 'at_risk':
    case 'breached': {
      if (!due) return { tone: 'muted', text: t.sla.none, title };
      const left = (due.getTime() - now.getTime()) / MINUTE;
      if (left < 0 || ticket.sla === 'breached') {
        return { tone: 'bad', text: t.sla.overdueBy(i18n.duration(Math.max(1, -left))), title };
      }
      if (left < 1) return { tone: 'warn', text: t.sla.dueNow, title };
      return { tone: ticket.sla === 'at_risk' ? 'warn' : 'ok', text: t.sla.dueIn(i18n.duration(left)), title };
    }
    case 'paused':
      return { tone: 'info', text: t.sla.waitingOnYou, title };
    case 'met':
      return { tone: 'ok', text: t.sla.met, title };
    case 'missed':
      return { tone: 'bad', text: t.sla.missed, title };
    default:
      return { tone: 'muted', text: t.sla.none, title };
  }
}

export function slaChip(ticket: Pick<Ticket, 'sla' | 'dueAt' | 'status'>, now: Date, i18n: I18n) {
  const reading = readSla(ticket, now, i18n);
  return html`<span class="chip" part="sla" data-tone=${reading.tone} data-sla=${ticket.sla} title=${reading.title || reading.text}
    >${reading.text}</span
  >`;
}
