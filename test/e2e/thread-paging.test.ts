import type { TokenClaims } from '@support-tickets/server';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused, PEOPLE, startHarness, type Harness } from './harness';

// SPEC §9 in the browser: a long thread opens on its latest 50 messages, and "Show earlier
// messages" (reached with the keyboard) brings the older ones without moving the page.

let h: Harness;
const subject = 'A very long conversation';
const MESSAGES = 111; // the body and 110 replies

beforeAll(async () => {
  h = await startHarness();
  const customer = await h.api(PEOPLE.customer);
  const { id } = await customer.ticket.create.mutate({ subject, body: 'message 0', category: 'technical' });
  // Replies by eleven agents, ten each: a thread longer than two pages, within everyone's rate limit.
  for (let a = 0; a < 11; a++) {
    const agent = await h.api({ sub: `e2e-agent-${a}`, role: 'agent', name: `Agent ${a}` });
    for (let i = 1; i <= 10; i++) await agent.ticket.reply.mutate({ id, body: `message ${a * 10 + i}` });
  }
});
afterAll(async () => {
  await h?.stop();
});

const messages = (page: Page) => page.locator('[part="message"]');
const earlier = (page: Page) => page.locator('[part="earlier"]');

async function openTicket(page: Page, who: TokenClaims, lang: 'en' | 'fa') {
  await h.openHost(page, who, { lang });
  if (who.role === 'agent') await page.locator('support-tickets-queue .row', { hasText: subject }).click();
  else await page.locator('[part="ticket"]', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
  await messages(page).nth(49).waitFor();
}

/** Presses Tab until the button has focus: it is in the keyboard's path. */
async function tabTo(page: Page, button: Locator) {
  for (let i = 0; i < 40; i++) {
    if (await button.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${await button.textContent()} with Tab; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('a long thread', () => {
  it('opens on the latest 50; earlier ones come a page at a time, by keyboard, the page holding still', async () => {
    const { page, context } = await h.page({ width: 1100, height: 800 });
    await openTicket(page, PEOPLE.customer, 'en');
    expect(await messages(page).count()).toBe(50);
    expect(await messages(page).first().textContent()).toContain('message 61');
    const button = earlier(page);
    expect((await button.textContent())?.trim()).toBe('Show earlier messages');

    await tabTo(page, button);
    const before = (await button.boundingBox())!.y;
    await page.keyboard.press('Enter');
    await messages(page).nth(99).waitFor();
    expect(await messages(page).first().textContent()).toContain('message 11');
    // The button stays where it was on screen, and keeps focus for the next page.
    expect(Math.abs((await button.boundingBox())!.y - before)).toBeLessThan(2);
    expect(await focused(page)).toEqual({ tag: 'BUTTON', text: 'Show earlier messages' });

    await page.keyboard.press('Enter');
    await messages(page).nth(MESSAGES - 1).waitFor();
    expect(await button.count()).toBe(0); // nothing older left
    const texts = await messages(page).allTextContents();
    expect(texts.map((text) => /message (\d+)/.exec(text)?.[1]).map(Number)).toEqual(Array.from({ length: MESSAGES }, (_, i) => i));
    // Focus moved to the first message brought in, the top of the thread.
    expect((await focused(page)).text).toContain('message 0');
    await context.close();
  });

  it('in Persian and for an agent too', async () => {
    const { page, context } = await h.page();
    await openTicket(page, PEOPLE.agent, 'fa');
    expect((await earlier(page).textContent())?.trim()).toBe('نمایش پیام‌های قبلی');
    await earlier(page).click();
    await messages(page).nth(99).waitFor();
    await context.close();
  });
});
