import { AxeBuilder } from '@axe-core/playwright';
import type { TokenClaims } from '@support-tickets/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../helpers/webhook-receiver';
import { PEOPLE, shot, startHarness, type Harness } from './harness';

// Notifications in the browser (SPEC §6): the agents' webhooks screen, the waiting-on-you
// banner's two answers and the email switch, in English and Persian.

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const customer = (lang: 'fa' | 'en') =>
  ({ sub: `notify-${lang}`, role: 'customer', org: 'notify-org', name: 'Nima', email: `nima.${lang}@example.com`, locale: lang }) as const satisfies TokenClaims;

const WORDS = {
  en: { tab: 'Webhooks', url: 'Endpoint URL', add: 'Add endpoint', test: 'Send test', deliveries: 'Deliveries', redeliver: 'Redeliver', delivered: 'Delivered', resolved: 'Resolved, close it now', help: 'I still need help', email: 'Email notifications', off: 'You get no mail about your tickets.', reopen: 'Open a new ticket' },
  fa: { tab: 'وب‌هوک‌ها', url: 'نشانی مقصد', add: 'افزودن مقصد', test: 'ارسال آزمایشی', deliveries: 'ارسال‌ها', redeliver: 'ارسال دوباره', delivered: 'رسید', resolved: 'حل شد، همین حالا ببند', help: 'هنوز کمک لازم دارم', email: 'اعلان ایمیلی', off: 'ایمیلی دربارهٔ تیکت‌هایتان دریافت نمی‌کنید.', reopen: 'باز کردن تیکت جدید' },
} as const;

beforeAll(async () => {
  h = await startHarness({ notifications: { webhookAllowPrivate: true } });
  receiver = await startReceiver();
});

afterAll(async () => {
  await h?.stop();
  await receiver?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A ticket of the customer that support answered: waiting on them, closing by itself. */
async function waitingTicket(lang: 'fa' | 'en', subject: string) {
  const asCustomer = await h.api(customer(lang));
  const ticket = await asCustomer.ticket.create.mutate({ subject, body: 'The disk is full.', category: 'technical' });
  await (await h.api(PEOPLE.agent)).ticket.reply.mutate({ id: ticket.id, body: 'Cleaned up; fine now?' });
  return ticket;
}

describe.each(['en', 'fa'] as const)('notifications in the browser (%s)', (lang) => {
  const w = WORDS[lang];

  it('lets an agent add an endpoint, see its secret once, send a test and redeliver it', async () => {
    const { page, context } = await h.page();
    try {
      await h.openHost(page, PEOPLE.agent, { lang });
      await page.getByRole('button', { name: w.tab, exact: true }).click();
      await page.getByLabel(w.url).fill(`${receiver.url}?lang=${lang}`);
      await page.getByRole('button', { name: w.add }).click();
      const secret = await page.locator('support-tickets-webhooks .secret').textContent();
      expect(secret).toMatch(/^whsec_/);
      receiver.useSecret(secret!);
      const endpoint = page.locator('support-tickets-webhooks li.endpoint', { hasText: `lang=${lang}` });
      await endpoint.getByRole('button', { name: w.test }).click();
      await h.server.deliverNotifications();
      await receiver.until(() => receiver.received.some((r) => r.payload.type === 'ping'));
      receiver.received.splice(0);

      await endpoint.getByRole('button', { name: w.deliveries }).click();
      const row = endpoint.locator('tr[data-status="delivered"]', { hasText: 'ping' });
      await row.waitFor();
      expect(await row.textContent()).toContain(w.delivered);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: shot(`agent-webhooks-${lang}`), fullPage: true });

      await row.getByRole('button', { name: w.redeliver }).click();
      await h.server.deliverNotifications();
      await receiver.until(() => receiver.received.length === 1);
      expect(receiver.received[0]!.payload.type).toBe('ping');
    } finally {
      await context.close();
    }
  });

  it('answers the waiting-on-you banner: "I still need help" opens the reply box, "Resolved" closes the ticket', async () => {
    const subject = `Disk full (${lang})`;
    await waitingTicket(lang, subject);
    const { page, context } = await h.page();
    try {
      await h.openHost(page, customer(lang), { lang });
      await page.getByRole('button', { name: new RegExp(subject.replace(/[()]/g, '.')) }).click();
      await page.getByRole('button', { name: w.help }).click();
      expect(await page.evaluate(() => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.tagName;
      })).toBe('TEXTAREA');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: w.resolved }).click();
      await page.getByRole('button', { name: w.reopen }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('turns the person’s mail off with the email switch, and it stays off', async () => {
    const subject = `Backups (${lang})`;
    await waitingTicket(lang, subject);
    const { page, context } = await h.page();
    try {
      await h.openHost(page, customer(lang), { lang });
      await page.getByRole('button', { name: new RegExp(subject.replace(/[()]/g, '.')) }).click();
      const toggle = page.getByRole('switch', { name: w.email });
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(true);
      await page.getByText(`nima.${lang}@example.com`).waitFor();
      await toggle.uncheck();
      await page.getByText(w.off).waitFor();
      expect(await (await h.api(customer(lang))).me.get.query()).toMatchObject({ notifications: { email: false } });
    } finally {
      await context.close();
    }
  });
});
