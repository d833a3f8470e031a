import type { TokenClaims } from '@support-tickets/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, shot, startHarness, type Harness } from './harness';

// Breached and at-risk tickets as agents and customers see them in the browser, on the real
// clock: the tickets are opened while the server's clock runs behind, so by the time the page
// reads them one reply is long overdue and another is nearly due.

const MINUTE = 60_000;
let h: Harness;

const BANK = { sub: 'sla-bank-1', role: 'customer', org: 'sla-bank', orgName: 'Tejarat Bank', name: 'Reza' } as const satisfies TokenClaims;
const SUBJECTS = {
  breached: 'Payments API returns 500',
  atRisk: 'VPN tunnel flapping',
  onTrack: 'Question about invoices',
};

beforeAll(async () => {
  h = await startHarness();
  const agent = await h.api(PEOPLE.agent);
  const bank = await h.api(BANK);
  // Enterprise: critical replies are due in 30 min around the clock.
  await bank.org.get.query();
  await agent.org.setPlan.mutate({ orgId: BANK.org, plan: 'enterprise' });
  // Opened 100 min ago: 70 min overdue. Opened 25 min ago: 5 of its 30 min left (< 25 %).
  h.setClockOffset(-100 * MINUTE);
  await bank.ticket.create.mutate({ subject: SUBJECTS.breached, body: 'Since this morning.', category: 'technical', priority: 'critical' });
  h.setClockOffset(-25 * MINUTE);
  await bank.ticket.create.mutate({ subject: SUBJECTS.atRisk, body: 'Every few minutes.', category: 'technical', priority: 'critical' });
  h.setClockOffset(0);
  await bank.ticket.create.mutate({ subject: SUBJECTS.onTrack, body: 'Which address goes on them?', category: 'financial', priority: 'low' });
});

afterAll(async () => {
  h?.setClockOffset(0);
  await h?.stop();
});

describe('SLA states in the browser', () => {
  it('puts the breached ticket first in the agent queue, then the one at risk, each saying how late or how close', async () => {
    const { page, context } = await h.page();
    try {
      await h.openHost(page, PEOPLE.agent, { lang: 'en' });
      const rows = page.locator('support-tickets-queue .row');
      await rows.filter({ hasText: SUBJECTS.onTrack }).waitFor();

      const order = await rows.evaluateAll((els) => els.map((el) => [el.getAttribute('data-sla'), el.textContent ?? ''] as const));
      const mine = order.filter(([, text]) => Object.values(SUBJECTS).some((s) => text.includes(s)));
      expect(mine.map(([sla]) => sla)).toEqual(['breached', 'at_risk', 'on_track']);

      const breached = rows.filter({ hasText: SUBJECTS.breached }).locator('[part="sla"]');
      await expect.poll(() => breached.textContent()).toMatch(/Breached.*overdue by 1 h 10 min/);
      const atRisk = rows.filter({ hasText: SUBJECTS.atRisk }).locator('[part="sla"]');
      expect(await atRisk.textContent()).toMatch(/At risk.*[45] min left/);
      // Not by colour alone: the state is in the words, and the tones differ.
      const tones = await Promise.all([breached, atRisk].map((chip) => chip.getAttribute('data-tone')));
      expect(new Set(tones).size).toBe(2);
      await page.screenshot({ path: shot('agent-queue-sla-states-en'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows the agent a due time that has passed on the ticket itself, with the periods that were counted', async () => {
    const { page, context } = await h.page();
    try {
      await h.openHost(page, PEOPLE.agent, { lang: 'en' });
      await page.locator('support-tickets-queue .row', { hasText: SUBJECTS.breached }).click();
      const ticket = page.locator('support-tickets-agent-ticket');
      await ticket.getByRole('heading', { name: SUBJECTS.breached }).waitFor();
      await expect.poll(() => ticket.locator('[data-field="left"]').textContent()).toMatch(/overdue by 1 h 10 min/i);
      const why = ticket.locator('[part="explanation"]');
      await why.locator('summary').click();
      await expect.poll(() => why.textContent()).toContain('Enterprise plan, critical priority: 30 min around the clock, from');
      // One period, the whole target: 24/7 counts every minute.
      expect(await why.locator('.periods li').allTextContents()).toEqual([expect.stringMatching(/\(30 min\)$/)]);
    } finally {
      await context.close();
    }
  });

  it('tells the customer, in Persian, that the reply is overdue', async () => {
    const { page, context } = await h.page();
    try {
      await h.openHost(page, BANK, { lang: 'fa' });
      const row = page.locator('support-tickets-list li', { hasText: SUBJECTS.breached });
      await row.waitFor();
      const chip = row.locator('[part="sla"]');
      expect(await chip.getAttribute('data-sla')).toBe('breached');
      // Persian digits: "۱ ساعت و ۱۰ دقیقه" or the like, never Latin digits.
      expect(await chip.textContent()).toMatch(/[۰-۹]/);
      expect(await chip.textContent()).not.toMatch(/[0-9]/);
      await page.screenshot({ path: shot('list-sla-states-fa'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
