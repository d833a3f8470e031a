import type { SlaState } from '@support-tickets/core';
import { html, nothing } from 'lit';
import type { Ticket } from '../api/types';
import type { I18n } from '../i18n/localize';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

/** How each SLA state looks: the colour goes with a marker's shape (see the chip styles). */
export const SLA_TONES: Record<SlaState, Tone> = {
  on_track: 'ok',
  at_risk: 'warn',
  breached: 'bad',
  paused: 'info',
  met: 'ok',
  missed: 'bad',
  none: 'muted',
};

/** The SLA facts the server sends with every ticket. */
export type SlaFacts = Pick<Ticket, 'sla' | 'dueAt' | 'timeLeftMinutes'>;
/** Whose answer a ticket waits for, as the reader sees it: their own, or a colleague's (an org admin reading another's ticket). */
export type Waiting = 'you' | 'colleague';

/**
 * The time left or overdue as the server counts it (working minutes on business hours), in
 * words: null when no reply is owed.
 */
export function timeLeft(ticket: SlaFacts, i18n: I18n): { overdue: boolean; duration: string } | null {
  const left = ticket.timeLeftMinutes;
  if (left === null || ticket.dueAt === null) return null;
  return { overdue: left < 0, duration: Math.abs(left) < 1 ? '' : i18n.duration(Math.abs(left)) };
}

/** The exact due time, for a tooltip. */
export const dueTitle = (ticket: SlaFacts, i18n: I18n) => (ticket.dueAt ? i18n.t.sla.dueAt(i18n.dateTime(new Date(ticket.dueAt))) : '');

/** The SLA as a customer reads it: "Reply due in 3 h", "Overdue by 20 min", "Answered — waiting on you". */
export function readSla(ticket: SlaFacts, i18n: I18n, waiting: Waiting = 'you'): { tone: Tone; text: string; title: string } {
  const { t } = i18n;
  const left = timeLeft(ticket, i18n);
  const title = dueTitle(ticket, i18n);
  const text =
    ticket.sla === 'paused' && waiting === 'colleague'
      ? t.sla.waitingOnColleague
      : left && !left.duration
        ? t.sla.dueNow
        : t.sla.reading[ticket.sla](left?.duration ?? '');
  return { tone: SLA_TONES[ticket.sla], text, title };
}

export function slaChip(ticket: SlaFacts, i18n: I18n, waiting: Waiting = 'you') {
  const reading = readSla(ticket, i18n, waiting);
  return html`<span class="chip" part="sla" data-tone=${reading.tone} data-sla=${ticket.sla} title=${reading.title || reading.text}>${reading.text}</span>`;
}

/**
 * A customer's chips for a ticket: its status, then its SLA. While the ticket waits on the
 * customer the SLA chip says so ("Answered — waiting on you"), and stands alone.
 */
export function customerChips(ticket: SlaFacts & Pick<Ticket, 'status'>, i18n: I18n, waiting: Waiting) {
  const status = html`<span class="status chip plain" data-status=${ticket.status}>${i18n.labels.status[ticket.status]}</span>`;
  return html`${ticket.sla === 'paused' ? nothing : status}<span class="sla">${slaChip(ticket, i18n, waiting)}</span>`;
}
