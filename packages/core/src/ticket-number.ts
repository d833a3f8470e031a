// Ticket numbers (SPEC §8): short, sequential, for saying on the phone (#1042).

/** The first ticket gets this number; each next one the highest so far plus one. */
export const FIRST_TICKET_NUMBER = 1001;

/**
 * The ticket number a search text names: `#1042`, `1042` (Persian or Arabic-Indic digits too),
 * or null when the text is not a number.
 *
 * @example
 * ticketNumberIn('#1042'); // → 1042
 * ticketNumberIn('disk full'); // → null
 */
export function ticketNumberIn(text: string): number | null {
  const digits = toLatinDigits(text.trim()).replace(/^#\s*/, '');
  if (!/^\d{1,15}$/.test(digits)) return null;
  const number = Number(digits);
  return Number.isSafeInteger(number) ? number : null;
}

/** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits as ASCII ones. */
function toLatinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x6f0 ? code - 0x6f0 : code - 0x660);
  });
}
