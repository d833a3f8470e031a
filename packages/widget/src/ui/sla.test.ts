import { describe, expect, it } from 'vitest';
import { localize } from '../i18n/localize';
import { readSla } from './sla';

const now = new Date('2026-05-10T10:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const en = localize('en');
const fa = localize('fa');

describe('SLA as a person reads it', () => {
  it('counts down to the due time, then up from it', () => {
    expect(readSla({ sla: 'on_track', dueAt: at(180), status: 'awaiting_response' }, now, en)).toMatchObject({ tone: 'ok', text: 'Reply due in 3 h' });
    expect(readSla({ sla: 'at_risk', dueAt: at(40), status: 'in_progress' }, now, en)).toMatchObject({ tone: 'warn', text: 'Reply due in 40 min' });
    expect(readSla({ sla: 'breached', dueAt: at(-20), status: 'in_progress' }, now, en)).toMatchObject({ tone: 'bad', text: 'Overdue by 20 min' });
    expect(readSla({ sla: 'on_track', dueAt: at(150), status: 'awaiting_response' }, now, en).text).toBe('Reply due in 2 h 30 min');
    expect(readSla({ sla: 'on_track', dueAt: at(60 * 30), status: 'awaiting_response' }, now, en).text).toBe('Reply due in 30 h');
  });

  it('says whose turn it is and how it ended', () => {
    expect(readSla({ sla: 'paused', dueAt: null, status: 'awaiting_customer' }, now, en).text).toBe('Answered — waiting on you');
    expect(readSla({ sla: 'met', dueAt: null, status: 'closed' }, now, en).text).toBe('Answered in time');
    expect(readSla({ sla: 'missed', dueAt: null, status: 'closed' }, now, en)).toMatchObject({ tone: 'bad', text: 'Answered late' });
    expect(readSla({ sla: 'none', dueAt: null, status: 'awaiting_response' }, now, en).text).toBe('No response target');
  });

  it('puts the exact due time in the title', () => {
    expect(readSla({ sla: 'on_track', dueAt: at(180), status: 'awaiting_response' }, now, en).title).toMatch(/^Reply due May 10, 2026/);
  });

  it('speaks Persian with Persian digits', () => {
    expect(readSla({ sla: 'on_track', dueAt: at(150), status: 'awaiting_response' }, now, fa).text).toBe('مهلت پاسخ: ۲ ساعت و ۳۰ دقیقه دیگر');
    expect(readSla({ sla: 'breached', dueAt: at(-20), status: 'in_progress' }, now, fa).text).toBe('۲۰ دقیقه از مهلت پاسخ گذشته');
  });
});
