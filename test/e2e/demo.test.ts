import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, shot, startHarness, type Harness } from './harness';

// The demo host page (apps/demo) against the real server, seeded with a realistic
// organisation; saves the screenshots of the main screens to test-results/screenshots/.

let h: Harness;
let detailId = '';
let closedId = '';

beforeAll(async () => {
  h = await startHarness();
  const customer = await h.api(PEOPLE.demoCustomer);
  const admin = await h.api(PEOPLE.demoAdmin);
  const agent = await h.api(PEOPLE.agent);
  // The first ticket creates the organisation; then support moves it to the Business plan.
  const first = await customer.ticket.create.mutate({
    subject: 'فعال‌سازی دامنهٔ shop.example.ir انجام نشد',
    body: 'دامنه را دیروز اضافه کردم ولی هنوز در وضعیت «در انتظار» است.',
    category: 'activation',
    priority: 'low',
  });
  await agent.ticket.reply.mutate({ id: first.id, body: 'رکورد NS دامنه هنوز به Kubit اشاره نمی‌کند. لطفاً آن را اصلاح کنید.' });
  await customer.ticket.close.mutate({ id: first.id });
  closedId = first.id;
  await agent.org.setPlan.mutate({ orgId: PEOPLE.demoCustomer.org, plan: 'business' });

  const billing = await customer.ticket.create.mutate({
    subject: 'فاکتور آبان دوبار از حساب کسر شده',
    body: 'سلام،\nمبلغ فاکتور شمارهٔ ۱۴۰۵-۰۸۱۲ دو بار از کیف پول کسر شده است.\nتصویر تراکنش‌ها پیوست است.',
    category: 'financial',
    priority: 'normal',
  });
  await agent.ticket.reply.mutate({
    id: billing.id,
    body: 'سلام، وقت بخیر.\nکسر دوم برگشت داده شد و تا ۲۴ ساعت در کیف پول دیده می‌شود.\nجزئیات: https://panel.kubit.ir/billing/refunds/8812\nاگر مشکلی ماند همین‌جا بنویسید.',
  });
  detailId = billing.id;

  const outage = await customer.ticket.create.mutate({
    subject: 'سرور vm-prod-3 پاسخ نمی‌دهد',
    body: 'از ساعت ۱۰ صبح SSH و وب‌سرور هر دو timeout می‌دهند.\nIP: 185.12.34.56',
    category: 'technical',
    priority: 'urgent',
  });
  await agent.ticket.accept.mutate({ id: outage.id });
  await customer.ticket.reply.mutate({ id: outage.id, body: 'کنسول VNC هم باز نمی‌شود.' });

  await admin.ticket.create.mutate({
    subject: 'Quota increase: 64 vCPU in Tehran-2',
    body: 'We plan a launch next week and need 64 more vCPUs in Tehran-2.',
    category: 'sales',
    priority: 'high',
  });
  await customer.ticket.create.mutate({
    subject: 'کندی دیسک در ساعات شب',
    body: 'IOPS دیسک‌های SSD بین ساعت ۲ تا ۴ بامداد به کمتر از نصف می‌رسد.',
    category: 'technical',
  });
});

afterAll(async () => {
  await h?.stop();
});

async function openDemo(page: Page, query: Record<string, string>) {
  await page.goto(`${h.origin}/?${new URLSearchParams(query)}`);
  await page.locator('support-tickets [part="base"]').waitFor();
}

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(", ")}`,
  );

describe('demo host page', () => {
  it('is served at / with its assets, and embeds the built widget', async () => {
    for (const path of ['/', '/demo/demo.css', '/demo/demo.js', '/widget/support-tickets.js']) {
      const response = await fetch(`${h.origin}${path}`);
      expect(response.status, path).toBe(200);
    }
    const html = await (await fetch(`${h.origin}/`)).text();
    expect(html).toContain('<script type="module" src="/widget/support-tickets.js"></script>');
  });

  for (const lang of ['fa', 'en'] as const) {
    for (const width of [1280, 360] as const) {
      it(`shows the main screens in ${lang} at ${width}px`, async () => {
        const { page, context } = await h.page({ width, height: width === 360 ? 780 : 900 });
        const name = (screen: string) => shot(`${screen}-${lang}-${width}`);
        await openDemo(page, { role: 'customer', lang });
        await page.locator('[part="ticket"]').nth(3).waitFor();
        await page.screenshot({ path: name('list'), fullPage: true });

        await page.locator('[part="ticket"]', { hasText: lang === 'fa' ? 'فاکتور آبان' : 'فاکتور آبان' }).click();
        await page.locator('[part="message"]').nth(1).waitFor();
        await page.screenshot({ path: name('detail'), fullPage: true });

        await page.locator('[part="new-ticket"]').click();
        await page.locator('[part="submit"]').click();
        await page.locator('.field-error').first().waitFor();
        await page.screenshot({ path: name('create'), fullPage: true });

        await page.locator('.tab').nth(1).click();
        await page.locator('[part="plan-table"]').waitFor();
        await page.screenshot({ path: name('plans'), fullPage: true });
        await context.close();
      });
    }
  }

  it('switches role, language, theme and layout', async () => {
    const { page, context } = await h.page();
    await openDemo(page, { role: 'customer', lang: 'fa' });
    await page.locator('[part="ticket"]').first().waitFor();
    expect(await page.locator('[part="base"]').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor();
    expect(await page.locator('[part="base"]').getAttribute('dir')).toBe('ltr');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');

    await page.getByRole('radio', { name: 'Org admin' }).check();
    await page.getByRole('heading', { name: 'Your organisation’s tickets' }).waitFor();
    await page.getByText('Quota increase: 64 vCPU in Tehran-2').waitFor();
    await page.screenshot({ path: shot('org-admin-list-en-1280'), fullPage: true });

    await page.getByRole('radio', { name: 'Agent' }).check();
    await page.getByRole('heading', { name: 'Support queue' }).waitFor();
    await page.locator('support-tickets-queue .row').first().waitFor();
    await page.screenshot({ path: shot('agent-queue-en-1280'), fullPage: true });

    await page.getByRole('radio', { name: 'Customer' }).check();
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor();
    const accent = () =>
      page.locator('[part="new-ticket"]').evaluate((el) => getComputedStyle(el).backgroundColor);
    const before = await accent();
    await page.getByRole('radio', { name: 'Kubit brand' }).check();
    await page.waitForFunction((old) => {
      const base = document.querySelector('support-tickets')?.shadowRoot?.querySelector('support-tickets-customer');
      const button = base?.shadowRoot?.querySelector('[part="new-ticket"]');
      return button && getComputedStyle(button).backgroundColor !== old;
    }, before);
    expect(await accent()).toBe('rgb(91, 33, 182)');
    await page.screenshot({ path: shot('theme-kubit-en-1280'), fullPage: true });

    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('radio', { name: 'Sidebar' }).check();
    await expect.poll(() => page.locator('support-tickets').evaluate((el) => el.getBoundingClientRect().width)).toBe(360);
    await page.screenshot({ path: shot('theme-dark-sidebar-en-1280'), fullPage: true });
    expect(await page.evaluate(() => new URL(location.href).search)).toBe('?role=customer&lang=en&theme=dark&layout=sidebar');
    await context.close();
  });

  it('logs the widget’s events in the page', async () => {
    const { page, context } = await h.page();
    await openDemo(page, { role: 'customer', lang: 'en' });
    await page.locator('[part="ticket"]', { hasText: 'کندی دیسک' }).click();
    await page.getByLabel('Your reply').fill('Still slow last night.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('#event-log li').first().waitFor();
    expect(await page.locator('#event-log li').first().textContent()).toContain('support-ticket-replied');
    await context.close();
  });

  it('has no accessibility violations, page and widget, in both languages', async () => {
    for (const lang of ['fa', 'en']) {
      const { page, context } = await h.page();
      await openDemo(page, { role: 'customer', lang });
      await page.locator('[part="ticket"]').first().waitFor();
      expect((await axe(page)).join('\n'), lang).toBe('');
      await context.close();
    }
  });

  it('shows a closed ticket with the way to a new one, and an auto-close notice on an answered one', async () => {
    const { page, context } = await h.page({ width: 900 });
    await openDemo(page, { role: 'customer', lang: 'fa' });
    await page.locator(`[part="ticket"][data-id="${closedId}"]`).click();
    await page.getByRole('button', { name: 'باز کردن تیکت جدید' }).waitFor();
    await page.screenshot({ path: shot('closed-fa-900'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.locator(`[part="ticket"][data-id="${detailId}"]`).click();
    await page.locator('[part="banner"]').waitFor();
    expect(await page.locator('[part="banner"]').textContent()).toContain('خودبه‌خود بسته می‌شود');
    await context.close();
  });
});
