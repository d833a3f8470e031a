import type { TokenClaims } from '@support-tickets/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedDetail, PEOPLE, shot, startHarness, leakingOverrides, type Harness } from './harness';

// The agent's screens where people tripped: narrow queue rows, the priority select under the
// keyboard, the close confirmation, Home/PageUp in the windowed queue, the due time's clock,
// user text that overrides its direction, and the plan editor.

const MINUTE = 60_000;
const RLO = '\u202E';
let h: Harness;

const BANK = { sub: 'scr-bank-1', role: 'customer', org: 'scr-bank', orgName: 'Pasargad Bank', name: 'Omid' } as const satisfies TokenClaims;
const SHOP = { sub: 'scr-shop-1', role: 'customer', org: 'scr-shop', orgName: 'Tiny Shop', name: 'Mina' } as const satisfies TokenClaims;
/** A person and an organisation whose names override their direction. */
const OVERRIDE = { sub: 'scr-rlo-1', role: 'customer', org: 'scr-rlo', orgName: `Pars ${RLO}Cloud`, name: `Ali ${RLO}Reza` } as const satisfies TokenClaims;
const SUBJECTS = {
  breached: 'Payment gateway refuses every card since the upgrade',
  override: `Invoice ${RLO}reversed tail`,
  working: 'Kubernetes node pool cannot scale',
  business: 'Question about object storage pricing',
};

const OVERRIDE_TEXTS = [OVERRIDE.orgName, OVERRIDE.name, `Invoice ${RLO}reversed tail`, `Amount ${RLO}doubled`];

beforeAll(async () => {
  h = await startHarness();
  const agent = await h.api(PEOPLE.agent);
  const bank = await h.api(BANK);
  const shop = await h.api(SHOP);
  await bank.org.get.query();
  await agent.org.setPlan.mutate({ orgId: BANK.org, plan: 'enterprise' });
  // Opened 3 h ago: a critical reply (30 min) long overdue.
  h.setClockOffset(-180 * MINUTE);
  await bank.ticket.create.mutate({ subject: SUBJECTS.breached, body: 'All cards.', category: 'technical', priority: 'critical' });
  h.setClockOffset(0);
  const override = await (await h.api(OVERRIDE)).ticket.create.mutate({ subject: SUBJECTS.override, body: `Amount ${RLO}doubled`, category: 'financial' });
  await agent.ticket.accept.mutate({ id: override.id });
  await bank.ticket.create.mutate({ subject: SUBJECTS.working, body: 'Stuck at 3 nodes.', category: 'technical', priority: 'normal' });
  // The Developer plan counts business hours in the calendar's zone (Asia/Tehran).
  await shop.ticket.create.mutate({ subject: SUBJECTS.business, body: 'Per GB?', category: 'sales' });
  // A queue longer than a screen: three people of one organisation, twenty tickets each.
  for (const person of [1, 2, 3]) {
    const bulk = await h.api({ sub: `scr-bulk-${person}`, role: 'customer', org: 'scr-bulk', orgName: 'Bulk Org', name: 'Bulk' });
    for (let i = 0; i < 20; i++) await bulk.ticket.create.mutate({ subject: `Bulk ticket ${person}-${i}`, body: 'x', category: 'technical' });
  }
});

afterAll(async () => {
  h?.setClockOffset(0);
  await h?.stop();
});

const queueRow = (page: Page, subject: string) => page.locator('support-tickets-queue .row', { hasText: subject });
const actions = (page: Page) => page.locator('support-tickets-agent-actions');

async function openTicket(page: Page, subject: string, lang: 'en' | 'fa' = 'en') {
  await h.openHost(page, PEOPLE.agent, { lang });
  await queueRow(page, subject).click();
  await page.locator('support-tickets-agent-ticket h2', { hasText: subject }).waitFor();
}

describe('the queue at a sidebar’s width', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`shows the breached row’s whole SLA chip, beside or under its status, at 400 px in ${lang}`, async () => {
      const { page, context } = await h.page({ width: 400, height: 800 });
      await h.openHost(page, PEOPLE.agent, { lang });
      const row = queueRow(page, SUBJECTS.breached);
      await row.waitFor();
      const boxes = await row.evaluate((el) => {
        const box = (selector: string) => {
          const rect = el.querySelector(selector)!.getBoundingClientRect();
          return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
        };
        const chip = el.querySelector<HTMLElement>('[part="sla"]')!;
        const { left, right, top, bottom } = el.getBoundingClientRect();
        return { row: { left, right, top, bottom }, sla: box('[part="sla"]'), status: box('.status'), clipped: chip.scrollWidth > chip.clientWidth + 1, text: chip.textContent };
      });
      const overlap = (a: typeof boxes.sla, b: typeof boxes.sla) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(boxes.text).toMatch(lang === 'en' ? /Breached.*overdue by/ : /نقض‌شده.*گذشته از مهلت/);
      expect(overlap(boxes.sla, boxes.status), JSON.stringify(boxes)).toBe(false);
      expect(boxes.clipped).toBe(false);
      for (const chip of [boxes.sla, boxes.status]) {
        expect(chip.left).toBeGreaterThanOrEqual(boxes.row.left);
        expect(chip.right).toBeLessThanOrEqual(boxes.row.right);
        expect(chip.bottom).toBeLessThanOrEqual(boxes.row.bottom);
      }
      await page.screenshot({ path: shot(`agent-queue-breached-${lang}-400`) });
      await context.close();
    });
  }
});

describe('the priority select', () => {
  it('changes the value with the arrow keys and writes once, when Enter or leaving the field confirms it', async () => {
    const { page, context } = await h.page();
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('ticket.update')) writes.push(request.postData() ?? '');
    });
    await openTicket(page, SUBJECTS.working);
    const priority = actions(page).locator('#priority');
    await priority.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await priority.inputValue()).toBe('urgent');
    const updated = page.waitForResponse((response) => response.url().includes('ticket.update'));
    await page.keyboard.press('Enter');
    await updated;
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('"priority":"urgent"');
    await expect.poll(() => priority.inputValue()).toBe('urgent');
    expect(await focusedDetail(page)).toMatchObject({ tag: 'SELECT' });

    // Leaving the field confirms too: one more write.
    await page.keyboard.press('ArrowDown');
    const again = page.waitForResponse((response) => response.url().includes('ticket.update'));
    await page.keyboard.press('Tab');
    await again;
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('"priority":"high"');
    await context.close();
  });
});

describe('the close confirmation', () => {
  it('keeps focus in the question after Enter on “Close ticket”; Escape dismisses it and returns to the button', async () => {
    const { page, context } = await h.page();
    await openTicket(page, SUBJECTS.business);
    await actions(page).locator('[part="close"]').focus();
    await page.keyboard.press('Enter');
    await actions(page).locator('.confirm').waitFor();
    await expect.poll(async () => (await focusedDetail(page)).inConfirm).toBe(true);
    await page.keyboard.press('Escape');
    await actions(page).locator('.confirm').waitFor({ state: 'detached' });
    expect(await focusedDetail(page)).toMatchObject({ tag: 'BUTTON', text: 'Close ticket' });
    await context.close();
  });
});

describe('user text that overrides its direction', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`is isolated in the queue, the organisation’s list and the ticket’s heading in ${lang}`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, PEOPLE.agent, { lang });
      await queueRow(page, SUBJECTS.override).waitFor();
      expect(await leakingOverrides(page, OVERRIDE_TEXTS), 'queue').toEqual([]);
      await queueRow(page, SUBJECTS.override).click();
      await page.locator('support-tickets-agent-ticket h2', { hasText: 'Invoice' }).waitFor();
      expect(await leakingOverrides(page, OVERRIDE_TEXTS), 'ticket').toEqual([]);
      await page.locator('.org-link').click();
      await page.locator('support-tickets-org-panel [part="ticket"]', { hasText: 'Invoice' }).waitFor();
      expect(await leakingOverrides(page, OVERRIDE_TEXTS), 'organisation').toEqual([]);
      await context.close();
    });
  }
});

describe('the due time', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`says which clock it is on, beside an explanation on the calendar’s clock, in ${lang}`, async () => {
      const { page, context } = await h.page({ timeZone: 'Europe/Berlin' });
      await openTicket(page, SUBJECTS.business, lang);
      const due = page.locator('[data-field="due"] dd');
      await due.waitFor();
      expect(await due.textContent()).toContain('Europe/Berlin');
      await page.locator('[part="explanation"] summary').click();
      expect(await page.locator('[part="explanation"]').textContent()).toContain('Asia/Tehran');
      const markers = await page.locator('[part="explanation"] ol li').first().evaluate((li) => getComputedStyle(li).listStyleType);
      expect(markers).toBe(lang === 'fa' ? 'persian' : 'decimal');
      await context.close();
    });
  }
});

describe('the long queue under the keyboard', () => {
  /** The focused row's place once the rows around `index` are drawn (scrolled to and rendered). */
  const settledFocus = async (page: Page, index: number) => {
    await page.locator(`support-tickets-queue .slot[data-index="${Math.max(0, index - 1)}"]`).waitFor();
    await page.locator(`support-tickets-queue .slot[data-index="${index + 1}"]`).waitFor();
    return (await focusedDetail(page)).slot;
  };

  it('keeps focus on the row Home and PageUp move to, though it was not drawn', async () => {
    const { page, context } = await h.page({ width: 1280, height: 700 });
    await h.openHost(page, PEOPLE.agent, { lang: 'en' });
    const first = page.locator('support-tickets-queue .slot[data-index="0"] .row');
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('End');
    await expect.poll(async () => Number((await focusedDetail(page)).slot)).toBeGreaterThan(40);
    const end = Number((await focusedDetail(page)).slot);
    expect(await settledFocus(page, end - 1).catch(() => null)).toBe(String(end));

    await page.keyboard.press('Home');
    await expect.poll(() => settledFocus(page, 1)).toBe('0');

    await page.keyboard.press('End');
    await expect.poll(async () => Number((await focusedDetail(page)).slot)).toBeGreaterThan(40);
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
    const slot = Number((await focusedDetail(page)).slot);
    expect(slot).toBeLessThan(end);
    await expect.poll(() => settledFocus(page, slot)).toBe(String(slot));
    await context.close();
  });
});

describe('the plan editor', () => {
  const cases = [
    { lang: 'en', typed: '۹۰', minutes: 90 },
    { lang: 'fa', typed: '٤٥', minutes: 45 },
  ] as const;
  for (const { lang, typed, minutes } of cases) {
    it(`offers Save plan only for a change, and takes a target typed in Persian or Arabic digits (${typed}), in ${lang}`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, PEOPLE.agent, { lang });
      await page.locator('nav .tab').nth(1).click();
      await page.locator('support-tickets-org-list .row', { hasText: SHOP.orgName }).click();
      const form = page.locator('support-tickets-plan-form');
      const save = form.locator('[part="submit"]');
      await save.waitFor();
      expect(await save.isDisabled(), 'nothing changed yet').toBe(true);
      await form.locator('input[name="plan"][value="custom"]').check();
      const critical = form.locator('.target[data-priority="critical"]');
      await critical.locator('input[type="checkbox"]').check();
      await critical.locator('input:not([type="checkbox"])').fill(typed);
      await critical.locator('select').selectOption('min');
      expect(await save.isDisabled()).toBe(false);
      await save.click();
      await form.locator('.saved').waitFor();
      expect(await save.isDisabled(), 'saved: nothing to save').toBe(true);
      const org = await (await h.api(PEOPLE.agent)).org.get.query({ orgId: SHOP.org });
      expect(org.plan).toMatchObject({ id: 'custom', responseMinutes: { critical: minutes } });
      await context.close();
    });
  }
});
