import type { TokenClaims } from '@support-tickets/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedDetail, leakingOverrides, PEOPLE, startHarness, type Api, type Harness } from './harness';

// The customer's screens where people tripped: the list's order and chips (and an org admin's
// wording), mixed-direction messages, a reply typed while the ticket closed, arriving replies
// for screen readers, the close confirmation, and user text that overrides its direction.

const RLO = '\u202E';
let h: Harness;
let agent: Api;

const CUSTOMER = { sub: 'cs-customer', role: 'customer', org: 'cs-org', orgName: 'Arvan Lab', name: 'Hamed' } as const satisfies TokenClaims;
const ADMIN = { sub: 'cs-admin', role: 'org_admin', org: 'cs-org', orgName: 'Arvan Lab', name: 'Nazanin' } as const satisfies TokenClaims;
/** A colleague whose name overrides its direction. */
const OVERRIDER = { sub: 'cs-overrider', role: 'customer', org: 'cs-org', orgName: 'Arvan Lab', name: `Ali ${RLO}Reza` } as const satisfies TokenClaims;
const SUBJECTS = {
  waiting: 'Backup restore needs your approval',
  open: 'VPN drops every hour',
  closed: 'Closed question about DNS',
  mixed: 'Mixed directions in one message',
  override: `Refund ${RLO}pending`,
};
const ids: Partial<Record<keyof typeof SUBJECTS, string>> = {};

beforeAll(async () => {
  h = await startHarness();
  agent = await h.api(PEOPLE.agent);
  const customer = await h.api(CUSTOMER);
  const create = async (key: keyof typeof SUBJECTS, body = 'Details inside.') => {
    ids[key] = (await customer.ticket.create.mutate({ subject: SUBJECTS[key], body, category: 'technical' })).id;
    return ids[key]!;
  };
  // Updated last to first: the closed one, then the open one, then the one waiting on the customer.
  await create('closed');
  await agent.ticket.reply.mutate({ id: await create('waiting'), body: 'Please approve the restore.' });
  await create('open');
  await customer.ticket.close.mutate({ id: ids.closed! });
  await create('mixed', 'Error log attached below\nسرور از ساعت نه صبح پاسخ نمی‌دهد\nThanks');
  const overrider = await h.api(OVERRIDER);
  ids.override = (await overrider.ticket.create.mutate({ subject: SUBJECTS.override, body: `Amount ${RLO}doubled`, category: 'financial' })).id;
});

afterAll(async () => {
  await h?.stop();
});

const rowTexts = (page: Page) => page.locator('support-tickets-list [part="ticket"]').allTextContents();

describe('the customer’s list', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`puts tickets waiting on the customer first and closed ones last, each state said once, in ${lang}`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, CUSTOMER, { lang });
      await page.locator('support-tickets-list [part="ticket"]', { hasText: SUBJECTS.closed }).waitFor();
      const order = (await rowTexts(page)).map((text) => Object.entries(SUBJECTS).find(([, subject]) => text.includes(subject.slice(0, 12)))?.[0]);
      expect(order.filter((key) => key === 'waiting' || key === 'open' || key === 'closed')).toEqual(['waiting', 'open', 'closed']);
      expect(order.at(-1)).toBe('closed');
      const chips = await page.locator('support-tickets-list [part="ticket"]', { hasText: SUBJECTS.waiting }).locator('.chip').allTextContents();
      expect(chips.filter((chip) => /wait|انتظار/i.test(chip)), chips.join(' | ')).toHaveLength(1);
      expect(chips.join(' ')).toMatch(lang === 'en' ? /waiting on you/ : /در انتظار شما/);
      await context.close();
    });

    it(`tells an org admin a colleague’s ticket waits on the colleague, not on them, in ${lang}`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, ADMIN, { lang });
      const row = page.locator('support-tickets-list [part="ticket"]', { hasText: SUBJECTS.waiting });
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).not.toMatch(/waiting on you(?!r)|در انتظار شما/);
      expect(text).toMatch(lang === 'en' ? /waiting on your colleague/ : /در انتظار همکارتان/);
      await row.click();
      await page.locator('support-tickets-detail h2', { hasText: SUBJECTS.waiting }).waitFor();
      expect(await page.locator('support-tickets-detail .chips').textContent()).not.toMatch(/waiting on you(?!r)|در انتظار شما/);
      await context.close();
    });

    it(`isolates user text that overrides its direction, in the list and the ticket, in ${lang}`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, ADMIN, { lang });
      const row = page.locator('support-tickets-list [part="ticket"]', { hasText: 'Refund' });
      await row.waitFor();
      const texts = [SUBJECTS.override, `Amount ${RLO}doubled`, OVERRIDER.name];
      expect(await leakingOverrides(page, texts), 'list').toEqual([]);
      await row.click();
      await page.locator('support-tickets-detail [part="message"]').waitFor();
      expect(await leakingOverrides(page, texts), 'ticket').toEqual([]);
      await context.close();
    });
  }
});

describe('a message in two directions', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`lays out each paragraph in its own direction in ${lang}`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, CUSTOMER, { lang });
      await page.locator('support-tickets-list [part="ticket"]', { hasText: SUBJECTS.mixed }).click();
      const body = page.locator('support-tickets-detail [part="message"] .body').first();
      await body.waitFor();
      // Where each line starts and ends, against the body's own edges.
      const lines = await body.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const edges = (needle: string) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent!.indexOf(needle);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + needle.length);
            const rect = range.getBoundingClientRect();
            return { fromLeft: rect.left - box.left, fromRight: box.right - rect.right };
          }
          return null;
        };
        return { latin: edges('Error log attached below'), persian: edges('سرور از ساعت نه صبح پاسخ نمی‌دهد') };
      });
      // A left-to-right paragraph starts at the left edge, a right-to-left one at the right.
      expect(lines.latin!.fromLeft, JSON.stringify(lines)).toBeLessThan(20);
      expect(lines.persian!.fromRight, JSON.stringify(lines)).toBeLessThan(20);
      await context.close();
    });
  }
});

describe('on an open ticket', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`announces a reply that arrives, politely, in ${lang}`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, CUSTOMER, { lang });
      await page.locator('support-tickets-list [part="ticket"]', { hasText: SUBJECTS.open }).click();
      await page.locator('support-tickets-detail [part="message"]').first().waitFor();
      const region = page.locator('support-tickets-detail [aria-live="polite"].announcer');
      expect(await region.count()).toBe(1);
      await agent.ticket.reply.mutate({ id: ids.open!, body: `We are looking at the tunnel (${lang}).` });
      await expect.poll(() => region.textContent(), { timeout: 5_000 }).toMatch(lang === 'en' ? /New reply from Support/ : /پاسخ تازه از پشتیبانی/);
      expect(await region.textContent()).toContain(`We are looking at the tunnel (${lang}).`);
      await context.close();
    });
  }

  it('keeps focus in the close question after Enter on “Close ticket”; Escape dismisses it and returns to the button', async () => {
    const { page, context } = await h.page();
    await h.openHost(page, CUSTOMER, { lang: 'fa' });
    await page.locator('support-tickets-list [part="ticket"]', { hasText: SUBJECTS.mixed }).click();
    const detail = page.locator('support-tickets-detail');
    await detail.locator('[part="message"]').waitFor();
    await detail.locator('[part="close"]').focus();
    await page.keyboard.press('Enter');
    await detail.locator('.confirm').waitFor();
    await expect.poll(async () => (await focusedDetail(page)).inConfirm).toBe(true);
    await page.keyboard.press('Escape');
    await detail.locator('.confirm').waitFor({ state: 'detached' });
    expect(await focusedDetail(page)).toMatchObject({ tag: 'BUTTON', text: 'بستن تیکت' });
    // Still on the ticket: Escape answered the question, it did not leave the page.
    expect(await detail.locator('h2').textContent()).toContain(SUBJECTS.mixed);
    await context.close();
  });

  it('keeps a reply being typed when the ticket closes meanwhile, and offers it in the follow-up form', async () => {
    const { page, context } = await h.page();
    const customer = await h.api(CUSTOMER);
    const { id } = await customer.ticket.create.mutate({ subject: 'Load balancer health checks fail', body: 'Since 8:00.', category: 'technical' });
    await h.openHost(page, CUSTOMER, { lang: 'en' });
    await page.locator('support-tickets-list [part="ticket"]', { hasText: 'Load balancer' }).click();
    const typed = 'Here is the config you asked for: timeout 5s, interval 10s.';
    await page.getByLabel('Your reply').fill(typed);
    await agent.ticket.close.mutate({ id });
    const banner = page.locator('support-tickets-detail [part="banner"][data-kind="closed"]');
    await banner.waitFor({ timeout: 5_000 });
    expect(await banner.textContent()).toContain(typed);
    await banner.getByRole('button', { name: /follow-up|new ticket/i }).click();
    const form = page.locator('support-tickets-form');
    await form.getByRole('heading', { name: 'New ticket' }).waitFor();
    expect(await form.getByLabel('Description').inputValue()).toContain(typed);
    await context.close();
  });
});
