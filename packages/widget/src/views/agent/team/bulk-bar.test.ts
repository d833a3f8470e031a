import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text, type } from '../../../testing/dom';
import { AGENT, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import type { BulkBar } from './bulk-bar';

// One answer to many tickets: each ticket is decided on its own, and the result of each is
// said for people, by number, in the page's language.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** Three tickets, the last closed meanwhile, and one that no longer exists. */
async function selection() {
  const customer = await h.as(CUSTOMER);
  const [a, b, c] = [await openTicket(customer), await openTicket(customer), await openTicket(customer)];
  await (await h.as(AGENT)).ticket.close.mutate({ id: c.id });
  return [a, b, c, { id: 'gone-ticket', number: 999 }].map(({ id, number }) => ({ id, number }));
}

async function replyToAll(lang: 'en' | 'fa') {
  const tickets = await selection();
  const el = await h.mount<BulkBar>('support-tickets-bulk-bar', { tickets }, { claims: AGENT, lang });
  type($<HTMLTextAreaElement>(el, '#bulk-body')!, 'The outage is over.');
  await vi.waitFor(() => expect($<HTMLButtonElement>(el, '[data-action="bulk-reply"]')!.disabled).toBe(false));
  $<HTMLButtonElement>(el, '[data-action="bulk-reply"]')!.click();
  await vi.waitFor(() => expect($$(el, '.results li')).toHaveLength(4));
  return { el, tickets, results: $$(el, '.results li').map((li) => text(li)) };
}

describe('bulk reply', () => {
  it('lists each ticket’s result by number, refusals worded for people', async () => {
    const { el, tickets, results } = await replyToAll('en');
    const [a, b, c] = tickets;
    expect(text($(el, '[role="status"] p'))).toBe('Done for 2; not done for 2.');
    expect(results).toEqual([
      `#${a!.number} ✓`,
      `#${b!.number} ✓`,
      `#${c!.number}: This ticket is closed and can no longer change. Open a new ticket to go on.`,
      '#999: Not found: it was removed, or you may not see it.',
    ]);
    expect(h.calls('ticket.bulk')).toEqual([{ ids: tickets.map((t) => t.id), action: { type: 'reply', body: 'The outage is over.' } }]);
  });

  it('words them in Persian', async () => {
    const { results } = await replyToAll('fa');
    expect(results[2]).toContain('این تیکت بسته شده');
    expect(results[3]).toContain('پیدا نشد: حذف شده یا اجازهٔ دیدنش را ندارید.');
    expect(results.join(' ')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
