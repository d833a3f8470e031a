import type { TokenClaims } from '@support-tickets/server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startHarness, type Harness } from './harness';
import { axeViolations, focusReaches, tabTo } from './a11y';

// SPEC §8 from the customer's side, in real Chromium, keyboard only, in Persian and English:
// the resources a new ticket is about (the host preselecting one), rating a closed ticket, and
// a reply typed while the ticket closed carried into its follow-up.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const RESOURCES = [
  { id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' },
  { id: 'db-main', type: 'database', name: 'main-db' },
  { id: 'bucket-logs', type: 'bucket', name: 'logs' },
];

const WORDS = {
  en: { formHeading: 'New ticket', followUp: 'Send it in a follow-up ticket', followsUp: 'A follow-up of ticket', rated: 'You rated this ticket good', unsent: 'Your unsent reply is kept' },
  fa: { formHeading: 'تیکت جدید', followUp: 'فرستادن آن در یک تیکت پیگیری', followsUp: 'پیگیری تیکت', rated: 'به این تیکت امتیاز «خوب» دادید', unsent: 'پاسخ فرستاده‌نشدهٔ شما نگه داشته شد' },
} as const;

describe.each(['en', 'fa'] as const)('a customer’s ticket as a team sees it, keyboard only (%s)', (lang) => {
  const words = WORDS[lang];
  const customer = { sub: `e2e-team-${lang}`, role: 'customer', org: `e2e-team-${lang}`, orgName: 'Team Co', name: 'Ava', resources: RESOURCES } as const satisfies TokenClaims;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await h.page());
  });
  afterAll(async () => {
    await context?.close();
  });

  /** The host page with the customer signed in, on the list of their tickets. */
  async function openWidget(resourceId?: string) {
    await h.openHost(page, customer, { lang });
    if (resourceId) await page.evaluate((id) => document.getElementById('widget')!.setAttribute('resource-id', id), resourceId);
    await page.locator('support-tickets-list h2').waitFor();
  }

  async function openFromList(subject: string) {
    await page.locator('support-tickets-list button.row', { hasText: subject }).waitFor();
    await tabTo(page, 'button.row', { text: subject });
    await page.keyboard.press('Enter');
    await focusReaches(page, 'h2', subject);
  }

  /** A ticket of the customer's, answered by support: `close` closes it. */
  async function ticketOf(subject: string, close: boolean) {
    const ticket = await (await h.api(customer)).ticket.create.mutate({ subject, body: 'It is down.', category: 'technical' });
    const agent = await h.api(PEOPLE.agent);
    await agent.ticket.reply.mutate({ id: ticket.id, body: 'Looking into it.' });
    if (close) await agent.ticket.close.mutate({ id: ticket.id });
    return ticket;
  }

  it('opens a ticket about the resources picked, the host’s one picked to start with', async () => {
    const subject = `Database slow (${lang})`;
    await openWidget('db-main');
    await tabTo(page, '[part="new-ticket"]');
    await page.keyboard.press('Enter');
    await focusReaches(page, 'h2', words.formHeading);
    await tabTo(page, '#subject');
    await page.keyboard.type(subject);
    await tabTo(page, '#category');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const picker = page.locator('st-resources');
    await picker.locator('input[value="db-main"]').waitFor();
    expect(await picker.locator('input[value="db-main"]').isChecked()).toBe(true);
    expect((await axeViolations(page)).join('\n'), 'the form with its resource picker').toBe('');
    await tabTo(page, 'input[value="vm-web-1"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#body');
    await page.keyboard.type('Queries take seconds since the upgrade.');
    await page.keyboard.press('Control+Enter');
    await focusReaches(page, 'h2', subject);
    const { items } = await (await h.api(customer)).ticket.list.query({ q: subject });
    expect(items[0]?.resources.map((r) => r.id)).toEqual(['vm-web-1', 'db-main']);
  });

  it('rates a closed ticket once, with a comment', async () => {
    const subject = `Rate me (${lang})`;
    const ticket = await ticketOf(subject, true);
    await openWidget();
    await openFromList(subject);
    await page.locator('st-rating form.rating').waitFor();
    expect((await axeViolations(page)).join('\n'), 'a closed ticket with its rating').toBe('');
    await tabTo(page, 'input[value="good"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#rating-comment');
    await page.keyboard.type('Quick and clear.');
    await tabTo(page, '[data-action="rate"]');
    await page.keyboard.press('Enter');
    await focusReaches(page, '.rated', words.rated);
    const rated = await (await h.api(customer)).ticket.get.query({ id: ticket.id });
    expect(rated.rating).toMatchObject({ rating: 'good', comment: 'Quick and clear.' });
    expect(await page.locator('st-rating form.rating').count()).toBe(0);
  });

  it('carries a reply typed while the ticket closed into its follow-up', async () => {
    const subject = `Boot loop (${lang})`;
    const draft = 'It fails at boot again, same kernel panic.';
    const ticket = await ticketOf(subject, false);
    await openWidget();
    await openFromList(subject);
    await tabTo(page, '#reply');
    await page.keyboard.type(draft);
    await (await h.api(PEOPLE.agent)).ticket.close.mutate({ id: ticket.id });
    // The reply box goes with the ticket's closing; the notice keeps the text and offers the follow-up.
    const banner = page.locator('support-tickets-detail [part="banner"]');
    await banner.locator('.unsent').waitFor();
    expect(await banner.locator('.unsent').textContent()).toBe(draft);
    expect(await banner.textContent()).toContain(words.unsent);
    await tabTo(page, 'button', { text: words.followUp, back: true });
    await page.keyboard.press('Enter');
    await focusReaches(page, 'h2', words.formHeading);
    expect(await page.locator('support-tickets-form #body').inputValue()).toBe(draft);
    expect(await page.locator('support-tickets-form [data-field="follow-up"]').textContent()).toContain(words.followsUp);
    await tabTo(page, '#subject');
    await page.keyboard.type(`${subject}, again`);
    await tabTo(page, '#body');
    await page.keyboard.press('Control+Enter');
    await focusReaches(page, 'h2', `${subject}, again`);
    const { items } = await (await h.api(customer)).ticket.list.query({ q: `${subject}, again` });
    expect(items[0]?.followUpOf).toBe(ticket.id);
    expect(items[0]?.category).toBe('technical');
  });
});
