import { describe, expect, it } from 'vitest';
import { ticketNumberIn } from './ticket-number';

describe('ticket numbers in a search', () => {
  it('reads #1042, 1042 and Persian digits as the number 1042', () => {
    expect(ticketNumberIn('#1042')).toBe(1042);
    expect(ticketNumberIn(' 1042 ')).toBe(1042);
    expect(ticketNumberIn('#۱۰۴۲')).toBe(1042);
    expect(ticketNumberIn('١٠٤٢')).toBe(1042);
  });

  it('finds no number in words, mixed text or an empty search', () => {
    expect(ticketNumberIn('disk 1042')).toBeNull();
    expect(ticketNumberIn('#')).toBeNull();
    expect(ticketNumberIn('')).toBeNull();
    expect(ticketNumberIn('-5')).toBeNull();
  });
});
