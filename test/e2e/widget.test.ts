import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y';
import { focused, PEOPLE, shot, startHarness, widgetEvents, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('a customer in the widget', () => {
  const subject = 'Database backups failing';
  let ticketId = '';

  it('opens a ticket, with inline validation first', async () => {
    const { page, context } = await h.page();
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    await page.getByText('No tickets yet').waitFor();

    await page.getByRole('button', { name: 'New ticket', exact: true }).first().click();
    await page.getByRole('heading', { name: 'New ticket' }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'H2', text: 'New ticket' });

    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByText('Write a subject.').waitFor();
    await page.getByText('Choose a category.').waitFor();
    await page.getByText('Describe the problem.').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'INPUT' });

    // The developer plan offers normal and low, each with its target.
    const priorities = await page.getByRole('radio').evaluateAll((inputs) =>
      inputs.map((input) => input.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(priorities).toEqual(['Normal reply < 24 h', 'Low reply < 48 h']);
    expect(await page.getByRole('radio', { name: /Normal/ }).isChecked()).toBe(true);

    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Category').selectOption('technical');
    await page.getByRole('radio', { name: /Low/ }).check();
    await page.getByLabel('Description').fill('Backups fail since Monday.\nLog: https://logs.example.com/job/42');
    await page.getByRole('button', { name: 'Open ticket' }).click();

    await page.getByRole('heading', { name: subject }).waitFor();
    const events = await widgetEvents(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'support-ticket-created', target: 'widget', composed: true });
    expect(events[0]?.ticket).toMatchObject({ subject, status: 'awaiting_response' });
    ticketId = events[0]!.ticket!.id;

    const link = page.locator('a[href="https://logs.example.com/job/42"]');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    await page.getByText('Reply due in').first().waitFor();
    await context.close();
  });

  it('sees an agent reply sent through the API once it reopens the ticket', async () => {
    const agent = await h.api(PEOPLE.agent);
    await agent.ticket.reply.mutate({
      id: ticketId,
      body: 'Hello,\nthe storage node was full. See https://status.kubit.ir/incidents/7 and tell us if it works.',
    });

    const { page, context } = await h.page();
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    const row = page.getByRole('button', { name: new RegExp(subject) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Answered — waiting on you');
    await row.click();

    const support = page.locator('[part="message"][data-author="support"]');
    await support.waitFor();
    expect(await support.locator('.author').textContent()).toBe('Sara Agent');
    const body = await support.locator('.body').evaluate((el) => ({
      text: el.textContent,
      whiteSpace: getComputedStyle(el).whiteSpace,
      lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
    }));
    expect(body.text).toContain('Hello,\nthe storage node');
    expect(body.whiteSpace).toBe('pre-wrap');
    expect(body.lines).toBeGreaterThanOrEqual(2);
    const link = support.locator('a');
    expect(await link.getAttribute('href')).toBe('https://status.kubit.ir/incidents/7');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    const banner = page.locator('[part="banner"]');
    expect(await banner.textContent()).toMatch(/closes by itself in 2 days/);
    expect(await banner.locator('time').getAttribute('title')).toBeTruthy();
    await context.close();
  });

  it('replies with Ctrl+Enter, then closes the ticket; the host hears every event', async () => {
    const { page, context } = await h.page();
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    await page.getByRole('button', { name: new RegExp(subject) }).click();
    const reply = page.getByLabel('Your reply');
    await reply.fill('Thanks — backups run again.\nClosing.');
    await reply.press('Control+Enter');
    await page.locator('[part="message"]').nth(2).waitFor();
    // The live stream may draw the reply before the call's own answer empties the box and tells the host.
    await expect.poll(() => reply.inputValue()).toBe('');
    await expect.poll(async () => (await widgetEvents(page)).map((e) => e.type)).toEqual(['support-ticket-replied']);

    await page.getByRole('button', { name: 'Close ticket' }).click();
    await page.getByText('A closed ticket cannot be reopened').waitFor();
    await page.getByRole('button', { name: 'Yes, close it' }).click();
    await page.getByText('Closed on request').waitFor();
    await page.getByRole('button', { name: 'Open a new ticket' }).waitFor();
    expect(await page.getByLabel('Your reply').count()).toBe(0);

    const events = await widgetEvents(page);
    expect(events.map((e) => e.type)).toEqual(['support-ticket-replied', 'support-ticket-closed']);
    expect(events.every((e) => e.target === 'widget' && e.composed)).toBe(true);
    expect(events[1]?.ticket).toMatchObject({ id: ticketId, status: 'closed' });

    const agent = await h.api(PEOPLE.agent);
    const stored = await agent.ticket.get.query({ id: ticketId });
    expect(stored).toMatchObject({ status: 'closed', closedBy: 'customer' });
    expect(stored.messages.map((m) => m.authorRole)).toEqual(['customer', 'agent', 'customer']);

    // From one's own closed ticket: a follow-up of it, its category proposed.
    await page.getByRole('button', { name: 'Open a new ticket' }).click();
    await page.getByRole('heading', { name: 'New ticket' }).waitFor();
    expect(await page.getByLabel('Category').inputValue()).toBe('technical');
    expect(await page.getByText(`A follow-up of ticket #${stored.number}.`).count()).toBe(1);
    await context.close();
  });

  it('opens with Enter and goes back with Escape, focus on each view’s heading', async () => {
    const { page, context } = await h.page();
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    const row = page.getByRole('button', { name: new RegExp(subject) });
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: subject }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'H2', text: subject });
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'H2', text: 'Your tickets' });
    // The list is read again on the way back; walk it once its rows are there.
    await row.waitFor();

    // Everything is reachable with Tab: walk the list view and collect what gets focus.
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      reached.add(`${f.tag}:${f.text?.slice(0, 30)}`);
    }
    const walked = [...reached].join(' | ');
    expect([...reached].some((r) => r.startsWith('BUTTON:Support plans')), walked).toBe(true);
    expect([...reached].some((r) => r.startsWith('SELECT')), walked).toBe(true);
    expect([...reached].some((r) => r.startsWith('INPUT')), walked).toBe(true);
    expect([...reached].some((r) => r.includes(subject.slice(0, 20))), walked).toBe(true);
    await context.close();
  });
});

describe('languages', () => {
  it('renders fa right-to-left with Persian labels and digits, en left-to-right', async () => {
    const customer = await h.api(PEOPLE.customer);
    await customer.ticket.create.mutate({ subject: 'کندی شبکه در دیتاسنتر تهران', body: 'از صبح', category: 'technical' });
    const { page, context } = await h.page();
    await h.openHost(page, PEOPLE.customer, { lang: 'fa' });
    await page.getByRole('heading', { name: 'تیکت‌های شما' }).waitFor();
    const base = page.locator('[part="base"]');
    expect(await base.getAttribute('dir')).toBe('rtl');
    expect(await base.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.getByRole('button', { name: 'تیکت جدید' }).count()).toBe(1);
    expect(await page.locator('[part="ticket"]').nth(1).textContent()).toContain('بسته');
    expect(await page.getByText(/تیکت نمایش داده شده/).textContent()).toBe('همهٔ ۲ تیکت نمایش داده شده');
    expect(await page.locator('[part="ticket"]').first().textContent()).toMatch(/مهلت پاسخ: [۰-۹]+/);

    await page.evaluate(() => document.getElementById('widget')!.setAttribute('lang', 'en'));
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor();
    expect(await base.getAttribute('dir')).toBe('ltr');
    expect(await base.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await page.locator('[part="ticket"]').nth(1).textContent()).toContain('Closed');
    expect(await page.locator('[part="ticket"]').first().textContent()).toMatch(/Reply due in \d+/);
    await context.close();
  });
});

describe('isolation from the host page', () => {
  it('host CSS cannot restyle or hide anything inside the widget', async () => {
    const { page, context } = await h.page();
    await h.openHost(page, PEOPLE.customer, { lang: 'en', hostileCss: true });
    const button = page.getByRole('button', { name: 'New ticket', exact: true });
    await button.waitFor();
    expect(await button.isVisible()).toBe(true);
    const style = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, background: s.backgroundColor, fontSize: s.fontSize, display: s.display };
    });
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.background).not.toBe('rgb(255, 0, 0)');
    expect(style.fontSize).not.toBe('40px');
    expect(style.display).not.toBe('none');
    const heading = page.getByRole('heading', { name: 'Your tickets' });
    expect(await heading.isVisible()).toBe(true);
    expect(await heading.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
    await page.screenshot({ path: shot('isolation-hostile-host-css'), fullPage: true });
    await context.close();
  });
});

describe('layout by its own width', () => {
  it('fits a 320 px box in every view, without horizontal scrolling', async () => {
    const { page, context } = await h.page({ width: 320, height: 700 });
    await h.openHost(page, PEOPLE.customer, { lang: 'fa' });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.locator('[part="ticket"]').first().waitFor();
    expect(await overflow(), 'list').toBeLessThanOrEqual(0);
    await page.locator('[part="ticket"]').first().click();
    await page.locator('[part="message"]').first().waitFor();
    expect(await overflow(), 'detail').toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('detail-fa-320'), fullPage: true });
    await page.locator('[part="new-ticket"]').click();
    await page.locator('[part="form"]').waitFor();
    expect(await overflow(), 'form').toBeLessThanOrEqual(0);
    await page.locator('.tab').nth(1).click();
    await page.locator('[part="plan-table"]').waitFor();
    expect(await overflow(), 'plans').toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('plans-fa-320'), fullPage: true });
    await context.close();
  });

  it('answers its own width, not the viewport: a 360 px column in a wide page stacks its rows', async () => {
    const { page, context } = await h.page({ width: 1280 });
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    const row = page.locator('[part="ticket"]').first();
    await row.waitFor();
    const display = () => row.evaluate((el) => getComputedStyle(el).display);
    expect(await display()).toBe('grid');
    await page.evaluate(() => ((document.getElementById('widget') as HTMLElement).style.width = '360px'));
    await page.waitForFunction(() => {
      const list = document.querySelector('support-tickets')?.shadowRoot?.querySelector('support-tickets-customer')?.shadowRoot?.querySelector('support-tickets-list');
      const first = list?.shadowRoot?.querySelector('[part="ticket"]');
      return first && getComputedStyle(first).display === 'flex';
    });
    await context.close();
  });
});

describe('accessibility (axe-core)', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`has no violations in ${lang}: list, form with errors, ticket, plans`, async () => {
      const { page, context } = await h.page();
      await h.openHost(page, PEOPLE.customer, { lang });
      await page.locator('[part="ticket"]').first().waitFor();
      expect((await axeViolations(page)).join('\n'), 'list').toBe('');

      await page.locator('[part="new-ticket"]').click();
      await page.locator('[part="submit"]').click();
      await page.locator('.field-error').first().waitFor();
      expect((await axeViolations(page)).join('\n'), 'form').toBe('');

      await page.keyboard.press('Escape');
      await page.locator('[part="ticket"]').first().click();
      await page.locator('[part="message"]').first().waitFor();
      expect((await axeViolations(page)).join('\n'), 'detail').toBe('');

      await page.locator('.tab').nth(1).click();
      await page.locator('[part="plan-table"]').waitFor();
      expect((await axeViolations(page)).join('\n'), 'plans').toBe('');
      await context.close();
    });
  }

  it('has no violations in dark mode', async () => {
    const { page, context } = await h.page({ colorScheme: 'dark' });
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    await page.locator('[part="ticket"]').first().click();
    await page.locator('[part="message"]').first().waitFor();
    expect((await axeViolations(page)).join('\n')).toBe('');
    await context.close();
  });
});
