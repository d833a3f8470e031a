import type { TokenClaims } from '@support-tickets/server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowTo, axeViolations, focusReaches, tabTo } from './a11y';
import { PEOPLE, startHarness, type Harness } from './harness';

// SPEC §8 from the agents' side, in real Chromium, keyboard only, in Persian and English: two
// agents on one queue. Assignment, presence, the conflict dialog with the draft kept, saved
// replies, and one reply to three tickets with a result per ticket.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const SARA = PEOPLE.agent;
const REZA = { sub: 'e2e-agent-reza', role: 'agent', name: 'Reza' } as const satisfies TokenClaims;
/** How long a presence change may take to show: the next heartbeat (10 s) on a busy machine. */
const PRESENCE_WAIT = 30_000;

const WORDS = {
  en: {
    assigned: 'Sara Agent assigned it to Reza',
    viewing: 'Reza viewing',
    typing: 'Reza typing…',
    changed: 'The ticket changed while you were writing',
    replied: 'Reza replied',
    done: 'Done for 2; not done for 1.',
    closed: 'This ticket is closed and can no longer change.',
  },
  fa: {
    assigned: 'Sara Agent آن را به Reza سپرد',
    viewing: 'Reza در حال دیدن',
    typing: 'Reza در حال نوشتن…',
    changed: 'تیکت هنگام نوشتن شما تغییر کرد',
    replied: 'Reza پاسخ داد',
    done: 'انجام شد برای ۲؛ انجام نشد برای ۱.',
    closed: 'این تیکت بسته شده و دیگر تغییر نمی‌کند.',
  },
} as const;

describe.each(['en', 'fa'] as const)('two agents on one queue, keyboard only (%s)', (lang) => {
  const words = WORDS[lang];
  const customer = { sub: `e2e-queue-${lang}`, role: 'customer', org: `e2e-queue-${lang}`, orgName: 'Queue Co', name: 'Ava' } as const satisfies TokenClaims;
  const subject = (what: string) => `${what} [${lang}]`;
  const ids = new Map<string, string>();
  const agents: Record<'sara' | 'reza', { context: BrowserContext; page: Page }> = {} as never;

  beforeAll(async () => {
    const api = await h.api(customer);
    for (const what of ['Assign me', 'Conflict', 'Saved reply', 'Outage one', 'Outage two', 'Outage three']) {
      const ticket = await api.ticket.create.mutate({ subject: subject(what), body: 'It is down.', category: 'technical' });
      ids.set(what, ticket.id);
    }
    // Reza becomes an agent the server knows, so he can be assigned.
    await (await h.api(REZA)).agent.list.query();
    agents.sara = await h.page();
    agents.reza = await h.page();
  });
  afterAll(async () => {
    await agents.sara?.context.close();
    await agents.reza?.context.close();
  });

  async function openQueue(page: Page, who: TokenClaims) {
    await h.openHost(page, who, { lang });
    await page.locator('support-tickets-queue button.row').first().waitFor();
  }

  /** From the queue (one tab stop), the ticket opened with the arrow keys and Enter. */
  async function openFromQueue(page: Page, what: string) {
    await page.locator('support-tickets-queue button.row', { hasText: subject(what) }).waitFor();
    await tabTo(page, 'button.row');
    await arrowTo(page, 'button.row', subject(what));
    await page.keyboard.press('Enter');
    await focusReaches(page, 'h2', subject(what));
  }

  it('assigns a ticket to a colleague, named in the timeline', async () => {
    const { page } = agents.sara;
    await openQueue(page, SARA);
    await openFromQueue(page, 'Assign me');
    await tabTo(page, '#assignee');
    await page.keyboard.type('Reza');
    // Leaving the field saves the choice.
    await page.keyboard.press('Tab');
    await page.locator('[part="timeline"]', { hasText: words.assigned }).waitFor();
    const ticket = await (await h.api(SARA)).ticket.get.query({ id: ids.get('Assign me')! });
    expect(ticket.assigneeId).toBe(REZA.sub);
  });

  it('sees a second agent in the ticket, then typing', async () => {
    const reza = agents.reza.page;
    const sara = agents.sara.page;
    await openQueue(reza, REZA);
    await openFromQueue(reza, 'Conflict');
    await openQueue(sara, SARA);
    await openFromQueue(sara, 'Conflict');
    await sara.locator('[part="presence"]', { hasText: words.viewing }).waitFor({ timeout: PRESENCE_WAIT });
    await tabTo(reza, '#body');
    await reza.keyboard.type('Checking the host now');
    await sara.locator('[part="presence"]', { hasText: words.typing }).waitFor({ timeout: PRESENCE_WAIT });
    expect((await axeViolations(sara)).join('\n'), 'a ticket with presence').toBe('');
  }, 90_000);

  it('keeps the draft when a colleague answered meanwhile, shows what changed and sends anyway', async () => {
    const page = agents.sara.page;
    const draft = 'Have you tried a reboot?';
    await tabTo(page, '#body');
    await page.keyboard.type(draft);
    // Reza answers while Sara writes, and her screen has not caught up when she sends: its
    // re-reads of the ticket are held until the conflict shows, however fast the live update.
    const held: Array<() => Promise<void>> = [];
    await page.route('**/trpc/ticket.get**', (route) => void held.push(() => route.continue()));
    await (await h.api(REZA)).ticket.reply.mutate({ id: ids.get('Conflict')!, body: 'Rebooting it for you now.' });
    await page.keyboard.press('Control+Enter');
    await focusReaches(page, '#conflict-heading', words.changed);
    await page.unroute('**/trpc/ticket.get**');
    for (const release of held.splice(0)) await release();
    expect(await page.locator('[part="conflict"]').textContent()).toContain(words.replied);
    expect(await page.locator('support-tickets-agent-composer #body').inputValue()).toBe(draft);
    expect((await axeViolations(page)).join('\n'), 'the conflict dialog').toBe('');
    await tabTo(page, '[data-action="send-anyway"]');
    await page.keyboard.press('Enter');
    await page.locator('[part="thread"] [part="message"]', { hasText: draft }).waitFor();
    const ticket = await (await h.api(SARA)).ticket.get.query({ id: ids.get('Conflict')! });
    expect(ticket.messages.map((m) => m.body)).toEqual(['It is down.', 'Rebooting it for you now.', draft]);
  }, 90_000);

  it('inserts a saved reply picked by search, filled for the ticket', async () => {
    const sara = await h.api(SARA);
    await sara.macro.create.mutate({ title: `Greeting ${lang}`, body: 'Hello {{customer.name}}, about {{ticket.number}}:' });
    const { page } = agents.sara;
    await openQueue(page, SARA);
    await openFromQueue(page, 'Saved reply');
    await tabTo(page, '#body');
    await page.keyboard.type('/');
    await focusReaches(page, '#macro-search');
    await page.keyboard.type(`Greeting ${lang}`);
    // The search narrows the list as typed (the other language's greeting goes).
    await expect.poll(async () => (await page.locator('support-tickets-macro-picker [data-macro]').allTextContents()).map((title) => title.trim()), { timeout: 10_000 }).toEqual([`Greeting ${lang}`]);
    await tabTo(page, '[data-macro]');
    await page.keyboard.press('Enter');
    await focusReaches(page, '#body');
    const [macro] = await sara.macro.list.query({ ticketId: ids.get('Saved reply')!, q: `Greeting ${lang}` });
    expect(macro?.filled).toMatch(/^Hello Ava, about #?\d+:$/);
    expect(await page.locator('support-tickets-agent-composer #body').inputValue()).toBe(macro!.filled);
  });

  it('replies to three picked tickets at once, with each ticket’s result in words', async () => {
    const { page } = agents.sara;
    await openQueue(page, SARA);
    const outages = ['Outage one', 'Outage two', 'Outage three'];
    await tabTo(page, 'button.row');
    for (const what of outages) {
      await arrowTo(page, 'button.row', subject(what));
      await page.keyboard.press('Space');
    }
    await page.locator('support-tickets-bulk-bar #bulk-body').waitFor();
    // One of them closes before the reply goes out: that one is refused, the others answered.
    await (await h.api(REZA)).ticket.close.mutate({ id: ids.get('Outage three')! });
    await tabTo(page, '#bulk-body', { back: true });
    await page.keyboard.type('The outage is over; thank you for your patience.');
    await tabTo(page, '[data-action="bulk-reply"]');
    await page.keyboard.press('Enter');
    const results = page.locator('support-tickets-bulk-bar .results li');
    await results.nth(2).waitFor();
    expect(await page.locator('support-tickets-bulk-bar [role="status"] p').textContent()).toBe(words.done);
    const texts = await results.allTextContents();
    expect(texts.filter((text) => text.includes('✓'))).toHaveLength(2);
    expect(texts.find((text) => !text.includes('✓'))).toContain(words.closed);
    const api = await h.api(SARA);
    for (const what of ['Outage one', 'Outage two']) {
      const ticket = await api.ticket.get.query({ id: ids.get(what)! });
      expect(ticket.messages.at(-1)?.body).toBe('The outage is over; thank you for your patience.');
    }
  }, 90_000);
});
