import { describe, expect, it } from 'vitest';
import { localize } from '../i18n/localize';
import { readSla, type SlaFacts } from './sla';

const en = localize('en');
const fa = localize('fa');
const due = '2026-05-10T13:00:00Z';
const open = (sla: SlaFacts['sla'], timeLeftMinutes: number): SlaFacts => ({ sla, dueAt: due, timeLeftMinutes });
const settled = (sla: SlaFacts['sla']): SlaFacts => ({ sla, dueAt: null, timeLeftMinutes: null });

describe('SLA as a person reads it', () => {
  it('says the time left as the server counts it, then how long overdue', () => {
    expect(readSla(open('on_track', 180), en)).toMatchObject({ tone: 'ok', text: 'Reply due in 3 h' });
    expect(readSla(open('at_risk', 40), en)).toMatchObject({ tone: 'warn', text: 'Reply due in 40 min' });
    expect(readSla(open('breached', -20), en)).toMatchObject({ tone: 'bad', text: 'Overdue by 20 min' });
    expect(readSla(open('on_track', 150), en).text).toBe('Reply due in 2 h 30 min');
    expect(readSla(open('on_track', 60 * 30), en).text).toBe('Reply due in 30 h');
    expect(readSla(open('at_risk', 0), en).text).toBe('Reply due now');
  });

  it('says whose turn it is and how it ended', () => {
    expect(readSla(settled('paused'), en).text).toBe('Answered — waiting on you');
    expect(readSla(settled('met'), en).text).toBe('Answered in time');
    expect(readSla(settled('missed'), en)).toMatchObject({ tone: 'bad', text: 'Answered late' });
    expect(readSla(settled('none'), en).text).toBe('No response target');
  });

  it('puts the exact due time in the title', () => {
    expect(readSla(open('on_track', 180), en).title).toMatch(/^Reply due May 10, 2026/);
  });

  it('speaks Persian with Persian digits', () => {
    expect(readSla(open('on_track', 150), fa).text).toBe('مهلت پاسخ: ۲ ساعت و ۳۰ دقیقه دیگر');
    expect(readSla(open('breached', -20), fa).text).toBe('۲۰ دقیقه از مهلت پاسخ گذشته');
  });
});
