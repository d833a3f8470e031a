import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../helpers/webhook-receiver';
import { PEOPLE, shot, startHarness, type Harness } from './harness';

// Notifications in the browser (SPEC §6): the agents' webhooks screen, in English and Persian.

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const WORDS = {
  en: { tab: 'Webhooks', url: 'Endpoint URL', add: 'Add endpoint', test: 'Send test', deliveries: 'Deliveries', redeliver: 'Redeliver', delivered: 'Delivered' },
  fa: { tab: 'وب‌هوک‌ها', url: 'نشانی مقصد', add: 'افزودن مقصد', test: 'ارسال آزمایشی', deliveries: 'ارسال‌ها', redeliver: 'ارسال دوباره', delivered: 'رسید' },
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
      // What the other language's test left there is not this endpoint's.
      receiver.received.splice(0);
      const endpoint = page.locator('support-tickets-webhooks li.endpoint', { hasText: `lang=${lang}` });
      // The click only starts the request: deliver once the server has queued the test.
      await Promise.all([page.waitForResponse((r) => r.url().includes('/trpc/webhook.test')), endpoint.getByRole('button', { name: w.test }).click()]);
      await h.server.deliverNotifications();
      await receiver.until(() => receiver.received.some((r) => r.payload.type === 'ping'));
      receiver.received.splice(0);

      await endpoint.getByRole('button', { name: w.deliveries }).click();
      const row = endpoint.locator('tr[data-status="delivered"]', { hasText: 'ping' });
      await row.waitFor();
      expect(await row.textContent()).toContain(w.delivered);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: shot(`agent-webhooks-${lang}`), fullPage: true });

      await Promise.all([page.waitForResponse((r) => r.url().includes('/trpc/webhook.redeliver')), row.getByRole('button', { name: w.redeliver }).click()]);
      await h.server.deliverNotifications();
      await receiver.until(() => receiver.received.length === 1);
      expect(receiver.received[0]!.payload.type).toBe('ping');
    } finally {
      await context.close();
    }
  });
});
