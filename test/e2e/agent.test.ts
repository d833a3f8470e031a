import type { TokenClaims } from '@support-tickets/server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y';
import { PEOPLE, shot, startHarness, type Harness } from './harness';

// The agent's workspace in real Chromium against the real server, next to a customer's page:
// changes travel live both ways (ticket.onChange over server-sent events), internal notes
// never reach the customer, and a plan change reaches the customer's form.

let h: Harness;

/** Customers of other organisations, so the queue has several organisations and plans in it. */
const OTHERS = {
  bank: { sub: 'e2e-bank-1', role: 'customer', org: 'e2e-bank', orgName: 'Saman Bank', name: 'Nima' },
  shop: { sub: 'e2e-shop-1', role: 'customer', org: 'e2e-shop', orgName: 'Digi Shop', name: 'Leila' },
} as const satisfies Record<string, TokenClaims>;

beforeAll(async () => {
  h = await startHarness();
  const agent = await h.api(PEOPLE.agent);
  const bank = await h.api(OTHERS.bank);
  const shop = await h.api(OTHERS.shop);
  await bank.ticket.create.mutate({ subject: 'Card payments time out', body: 'Since 10:00.', category: 'technical' });
  await agent.org.setPlan.mutate({ orgId: OTHERS.bank.org, plan: 'enterprise' });
  const urgent = await bank.ticket.create.mutate({ subject: 'Core database unreachable', body: 'Prod is down.', category: 'technical', priority: 'critical' });
  await agent.ticket.accept.mutate({ id: urgent.id });
  await agent.ticket.note.mutate({ id: urgent.id, body: 'Paged the DBA on call.' });
  await shop.ticket.create.mutate({ subject: 'فاکتور اشتباه صادر شده', body: 'مبلغ دو برابر است.', category: 'financial' });
  await agent.org.setPlan.mutate({ orgId: OTHERS.shop.org, custom: { responseMinutes: { urgent: 90, normal: 480 }, hours: '24/7' } });
  const answered = await shop.ticket.create.mutate({ subject: 'Need 2 more public IPs', body: 'For the new LB.', category: 'sales' });
  await agent.ticket.reply.mutate({ id: answered.id, body: 'Done; see your panel.' });
});

afterAll(async () => {
  await h?.stop();
});

/** Everything a page shows or holds: text and markup of the document and of every shadow root. */
const everything = (page: Page) =>
  page.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) {
        parts.push(node.shadowRoot.innerHTML);
        node.shadowRoot.childNodes.forEach(walk);
      }
      node.childNodes.forEach(walk);
    };
    walk(document.documentElement);
    return parts.join('\n');
  });

const queueRow = (page: Page, subject: string) => page.locator('support-tickets-queue .row', { hasText: subject });
const actions = (page: Page) => page.locator('support-tickets-agent-actions');
const composer = (page: Page) => page.locator('support-tickets-agent-composer');

describe('an agent and a customer at the same time', () => {
  const subject = 'Object storage returns 503';
  const note = 'INTERNAL: ceph-osd-14 flapping, do not tell the customer yet';
  let agent: { page: Page; context: BrowserContext };
  let customer: { page: Page; context: BrowserContext };

  beforeAll(async () => {
    agent = await h.page();
    customer = await h.page();
    await h.openHost(agent.page, PEOPLE.agent, { lang: 'en' });
    await h.openHost(customer.page, PEOPLE.customer, { lang: 'en' });
    await agent.page.getByRole('heading', { name: 'Support queue' }).waitFor();
    await queueRow(agent.page, 'Core database unreachable').waitFor();
    await customer.page.getByText('No tickets yet').waitFor();
  });
  afterAll(async () => {
    await agent?.context.close();
    await customer?.context.close();
  });

  it('a ticket the customer opens appears in the agent’s queue without a reload', async () => {
    const { page } = customer;
    await page.getByRole('button', { name: 'New ticket', exact: true }).first().click();
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Category').selectOption('technical');
    await page.getByLabel('Description').fill('PUT requests fail with 503 since 09:40.');
    const opened = Date.now();
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: subject }).waitFor();
    const row = queueRow(agent.page, subject);
    await row.waitFor({ timeout: 3_000 });
    expect(Date.now() - opened).toBeLessThan(3_000);
    const text = await row.textContent();
    expect(text).toContain('Parsian Cloud');
    expect(text).toContain('Developer');
    expect(text).toMatch(/On track · \d+ (h|d) left|On track · \d+ h \d+ min left/);
  });

  it('the agent opens it with the keyboard and accepts it', async () => {
    const { page } = agent;
    await queueRow(page, subject).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: subject }).waitFor();
    await actions(page).getByRole('button', { name: 'Accept' }).click();
    await actions(page).getByText('Assigned to you').waitFor();
    await page.locator('.chips', { hasText: 'In progress' }).waitFor();
  });

  it('changing the priority changes the due time shown, at once', async () => {
    const { page } = agent;
    const due = page.locator('[data-field="due"] time');
    const before = await due.getAttribute('datetime');
    const priority = actions(page).locator('#priority');
    // The Developer plan offers normal and low only, each with its target.
    expect(await priority.locator('option').allTextContents()).toEqual(['Normal (< 24 h)', 'Low (< 48 h)']);
    await priority.selectOption('low');
    await page.waitForFunction(
      (old) => {
        const ticket = document.querySelector('support-tickets')?.shadowRoot?.querySelector('support-tickets-agent')?.shadowRoot?.querySelector('support-tickets-agent-ticket');
        return ticket?.shadowRoot?.querySelector('[data-field="due"] time')?.getAttribute('datetime') !== old;
      },
      before,
      { timeout: 3_000 },
    );
    const after = await due.getAttribute('datetime');
    expect(new Date(after!).getTime()).toBeGreaterThan(new Date(before!).getTime());
    await page.locator('[part="explanation"] summary').click();
    expect(await page.locator('[part="explanation"]').textContent()).toContain('Developer plan, low priority: 48 h of business hours');
  });

  it('an internal note is shown to support as internal and never reaches the customer’s page', async () => {
    const { page } = agent;
    await composer(page).getByText('Internal note', { exact: true }).click();
    await composer(page).getByLabel('Internal note (support only)').fill(note);
    await composer(page).getByRole('button', { name: 'Add internal note' }).click();
    const shown = page.locator('[part="note"]', { hasText: note });
    await shown.waitFor();
    expect(await shown.textContent()).toContain('Internal note — not visible to the customer');
    await page.screenshot({ path: shot('agent-ticket-note-en-wide'), fullPage: true });
  });

  it('the agent’s reply appears on the customer’s open ticket within a second or two, the note never', async () => {
    const { page } = agent;
    await composer(page).getByText('Reply to customer', { exact: true }).click();
    await composer(page).getByLabel('Reply to the customer').fill('We found the faulty disk and are replacing it.');
    const sent = Date.now();
    await composer(page).getByRole('button', { name: 'Send reply' }).click();
    const reply = customer.page.locator('[part="message"][data-author="support"]', { hasText: 'faulty disk' });
    await reply.waitFor({ timeout: 2_500 });
    expect(Date.now() - sent).toBeLessThan(2_500);
    await customer.page.locator('[part="banner"]', { hasText: 'closes by itself' }).waitFor();
    expect(await everything(customer.page)).not.toContain('ceph-osd-14');
    // Nor after a reload, nor in the list.
    await h.openHost(customer.page, PEOPLE.customer, { lang: 'en' });
    await customer.page.locator('[part="ticket"]', { hasText: subject }).click();
    await customer.page.locator('[part="message"]').nth(1).waitFor();
    const all = await everything(customer.page);
    expect(all).not.toContain('ceph-osd-14');
    expect(all).not.toContain('Internal note');
    expect(all).not.toContain('internal note');
  });

  it('a plan change in the organisation panel reaches the customer’s new-ticket form', async () => {
    const form = customer.page;
    await form.getByRole('button', { name: 'New ticket', exact: true }).first().click();
    await form.getByRole('heading', { name: 'New ticket' }).waitFor();
    const priorities = () => form.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(await priorities()).toEqual(['normal', 'low']);

    const { page } = agent;
    await page.locator('.org-link').click();
    await page.getByRole('heading', { name: 'Parsian Cloud' }).waitFor();
    await page.locator('support-tickets-plan-form input[value="enterprise"]').check();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('Saved: the organisation is on the Enterprise plan.').waitFor();
    await page.locator('#plan-heading', { hasText: 'Enterprise' }).waitFor();
    await page.screenshot({ path: shot('agent-org-panel-parsian-en-wide'), fullPage: true });

    await form.waitForFunction(
      () => {
        const view = document.querySelector('support-tickets')?.shadowRoot?.querySelector('support-tickets-customer');
        const radios = view?.shadowRoot?.querySelector('support-tickets-form')?.shadowRoot?.querySelectorAll('input[type="radio"]');
        return radios?.length === 5;
      },
      undefined,
      { timeout: 3_000 },
    );
    expect(await priorities()).toEqual(['critical', 'urgent', 'high', 'normal', 'low']);
    expect(await form.getByRole('radio', { name: /Critical/ }).evaluate((el) => el.closest('label')?.textContent?.replace(/\s+/g, ' ').trim())).toBe(
      'Critical reply < 30 min',
    );
  });

  it('goes back with Escape to the row it came from', async () => {
    const { page } = agent;
    await page.keyboard.press('Escape'); // org panel → ticket
    await page.getByRole('heading', { name: subject }).waitFor();
    await page.keyboard.press('Escape'); // ticket → queue, on its row
    await page.getByRole('heading', { name: 'Support queue' }).waitFor();
    const focused = await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.textContent ?? '';
    });
    expect(focused).toContain(subject);
  });
});

describe('when the server restarts', () => {
  it('the agent’s queue follows changes again, on a stream opened anew with the token, without a reload', async () => {
    const { page, context } = await h.page();
    // Watch the page's streams: each one opened (with the token it carries), and what happens to it.
    await page.addInitScript(() => {
      const Native = window.EventSource;
      const log: string[] = [];
      (window as unknown as { streamLog: string[] }).streamLog = log;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          const params = new URL(String(url), location.href).searchParams.get('connectionParams') ?? '{}';
          log.push(String(JSON.parse(params).token ?? '').length > 20 ? 'new with token' : 'new without token');
          this.addEventListener('open', () => log.push('open'));
          this.addEventListener('error', () => log.push('error'));
        }
      };
    });
    const streamLog = () => page.evaluate(() => (window as unknown as { streamLog: string[] }).streamLog);
    await h.openHost(page, PEOPLE.agent, { lang: 'en' });
    await queueRow(page, 'Core database unreachable').waitFor();
    await page.waitForFunction(() => (window as unknown as { streamLog: string[] }).streamLog.includes('open'));

    await h.restart();
    await page.waitForFunction(
      () => {
        const log = (window as unknown as { streamLog: string[] }).streamLog;
        return log.includes('error') && log.lastIndexOf('open') > log.indexOf('error');
      },
      undefined,
      { timeout: 20_000 },
    );
    const bank = await h.api(OTHERS.bank);
    await bank.ticket.create.mutate({ subject: 'Opened after the restart', body: 'x', category: 'technical' });
    await queueRow(page, 'Opened after the restart').waitFor({ timeout: 5_000 });
    const log = await streamLog();
    expect(log.filter((entry) => entry.startsWith('new')).every((entry) => entry === 'new with token'), log.join(', ')).toBe(true);
    await context.close();
  });
});

describe('the agent’s screens', () => {
  for (const lang of ['en', 'fa'] as const) {
    // Four full axe audits of large pages: a minute alone on a busy two-core machine.
    it(`queue and ticket have no accessibility violations in ${lang}`, { timeout: 180_000 }, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, PEOPLE.agent, { lang });
      await page.locator('support-tickets-queue .row').nth(3).waitFor();
      expect((await axeViolations(page)).join('\n'), 'queue').toBe('');
      await page.screenshot({ path: shot(`agent-queue-${lang}-wide`), fullPage: true });

      await queueRow(page, 'Core database unreachable').click();
      await page.locator('[part="note"]').waitFor();
      await page.locator('[part="explanation"] summary').click();
      expect((await axeViolations(page)).join('\n'), 'ticket').toBe('');
      await page.screenshot({ path: shot(`agent-ticket-${lang}-wide`), fullPage: true });

      await page.locator('nav .tab').nth(2).click();
      await page.locator('[part="sla-overview"] tbody tr').first().waitFor();
      expect((await axeViolations(page)).join('\n'), 'overview').toBe('');
      await page.screenshot({ path: shot(`agent-sla-overview-${lang}-wide`), fullPage: true });

      await page.locator('nav .tab').nth(1).click();
      await page.locator('support-tickets-org-list .row').first().waitFor();
      expect((await axeViolations(page)).join('\n'), 'organisations').toBe('');
      await page.locator('support-tickets-org-list .row', { hasText: 'Saman Bank' }).click();
      await page.locator('support-tickets-org-panel [part="ticket"]').first().waitFor();
      expect((await axeViolations(page)).join('\n'), 'organisation').toBe('');
      await page.screenshot({ path: shot(`agent-org-panel-${lang}-wide`), fullPage: true });
      await context.close();
    });

    it(`fits 360 px in ${lang}, without horizontal scrolling`, async () => {
      const { page, context } = await h.page({ width: 360, height: 780 });
      await h.openHost(page, PEOPLE.agent, { lang });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.locator('support-tickets-queue .row').nth(3).waitFor();
      expect(await overflow(), 'queue').toBeLessThanOrEqual(0);
      // The filters used less often fold away, so the queue is in view.
      expect(await page.locator('support-tickets-queue-filters details.more').count()).toBe(1);
      await page.screenshot({ path: shot(`agent-queue-${lang}-360`), fullPage: true });
      await queueRow(page, 'Core database unreachable').click();
      await page.locator('[part="note"]').waitFor();
      expect(await overflow(), 'ticket').toBeLessThanOrEqual(0);
      await page.screenshot({ path: shot(`agent-ticket-${lang}-360`), fullPage: true });
      await context.close();
    });
  }
});

describe('a long queue', () => {
  it('draws only the rows on screen and fetches pages as the agent scrolls', async () => {
    // Six people of one organisation, twenty tickets each: within each person's rate limit.
    for (let i = 0; i < 120; i += 20) {
      const bulk = await h.api({ sub: `e2e-bulk-${i}`, role: 'customer', org: 'e2e-bulk', orgName: 'Bulk Org', name: 'Bulk' });
      await Promise.all(
        Array.from({ length: 20 }, (_, j) => bulk.ticket.create.mutate({ subject: `Bulk ticket ${i + j}`, body: 'x', category: 'technical' })),
      );
    }
    const { page, context } = await h.page({ width: 1280, height: 800 });
    await h.openHost(page, PEOPLE.agent, { lang: 'en' });
    await page.locator('support-tickets-queue .row').nth(5).waitFor();
    const rows = () => page.locator('support-tickets-queue .slot').count();
    expect(await rows()).toBeLessThan(25);
    await page.getByText(/50 tickets loaded/).waitFor();
    // Scroll the page down until the next page has come; still only a screenful is drawn.
    const more = page.getByText(/100 tickets loaded|All \d+ tickets/);
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 4000);
        return more.count();
      })
      .toBeGreaterThan(0);
    expect(await rows()).toBeLessThan(30);
    // Rows above the screen are gone (but the one in the tab order, which stays drawn).
    const first = await page
      .locator('support-tickets-queue .slot:not(:has(.row[tabindex="0"]))')
      .evaluateAll((slots) => Math.min(...slots.map((s) => Number((s as HTMLElement).dataset['index']))));
    expect(first).toBeGreaterThan(0);
    await context.close();
  });
});
