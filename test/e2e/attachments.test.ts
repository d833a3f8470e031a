import { AxeBuilder } from '@axe-core/playwright';
import type { TokenClaims } from '@support-tickets/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1X1 } from '../helpers/attachments';
import { PEOPLE, shot, startHarness, widgetEvents, type Harness } from './harness';

// SPEC §7 in the browser: files through the picker, a pasted screenshot, files dropped on the
// composer, each with progress and cancel, a refused file said on its own line with the text
// kept, and the sent message's images as thumbnails opening full size.

let h: Harness;
const subject = 'Console shows a 502';

beforeAll(async () => {
  h = await startHarness();
  await (await h.api(PEOPLE.customer)).ticket.create.mutate({ subject, body: 'Since this morning.', category: 'technical' });
});
afterAll(async () => {
  await h?.stop();
});

const tray = (page: Page) => page.locator('st-attach');
const chip = (page: Page, status: string) => tray(page).locator(`li[data-status="${status}"]`);

async function openTicket(page: Page, who: TokenClaims = PEOPLE.customer, lang: 'en' | 'fa' = 'en') {
  await h.openHost(page, who, { lang });
  if (who.role === 'agent') await page.locator('support-tickets-queue .row', { hasText: subject }).click();
  else await page.locator('[part="ticket"]', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
  await tray(page).getByRole('button').first().waitFor();
}

/** Hands files to the page as a paste or a drop would: a DataTransfer with real File objects. */
async function transfer(page: Page, kind: 'paste' | 'drop', files: Array<{ name: string; type: string; base64: string }>) {
  await page.locator('st-attach').evaluate(
    (element, { kind, files }) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      const form = element.closest('form')!;
      const target = kind === 'paste' ? form.querySelector('textarea')! : form;
      if (kind === 'paste') target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
      else {
        form.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { kind, files },
  );
}

const png = (name: string) => ({ name, type: 'image/png', base64: PNG_1X1.toString('base64') });

describe('attaching files', () => {
  it('says the limits first; takes files from the picker, a paste and a drop; sends them with the reply; shows thumbnails that open full size', async () => {
    const { page, context } = await h.page();
    await openTicket(page);
    await tray(page).getByText('Up to 5 files, 10 MB each.').waitFor();

    await tray(page).locator('input[type="file"]').setInputFiles([{ name: 'console.png', mimeType: 'image/png', buffer: PNG_1X1 }, { name: 'api.log', mimeType: 'text/plain', buffer: Buffer.from('GET /v1/servers 502\n') }]);
    await transfer(page, 'paste', [{ name: '', type: 'image/png', base64: PNG_1X1.toString('base64') }]);
    await transfer(page, 'drop', [png('dropped.png')]);
    await expect.poll(() => chip(page, 'done').count(), { timeout: 20_000 }).toBe(4);
    expect(await chip(page, 'done').allTextContents()).toEqual([
      expect.stringContaining('console.png · 70 B'),
      expect.stringContaining('api.log · 20 B'),
      expect.stringContaining('screenshot.png'),
      expect.stringContaining('dropped.png'),
    ]);

    await page.getByLabel('Your reply').fill('Screens and the log attached.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const message = page.locator('[part="message"]', { hasText: 'Screens and the log attached.' });
    await message.waitFor();
    await expect.poll(() => chip(page, 'done').count()).toBe(0);

    const thumbnails = message.locator('st-files img');
    await expect.poll(() => thumbnails.count()).toBe(3);
    await expect.poll(() => thumbnails.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const full = message.locator('st-files a', { has: page.locator('img') }).first();
    expect(await full.getAttribute('target')).toBe('_blank');
    expect(await full.getAttribute('rel')).toBe('noopener noreferrer');
    const opened = await context.request.get(new URL((await full.getAttribute('href'))!, h.origin).href);
    expect(opened.headers()['content-type']).toBe('image/png');
    const log = message.locator('st-files a[download]');
    expect((await log.textContent())?.trim()).toBe('api.log · 20 B');

    const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
    await page.screenshot({ path: shot('attachments-thread') });
    await context.close();
  });

  it('cancels an upload in flight, and says a refused file on its own line, the typed text kept', async () => {
    const { page, context } = await h.page();
    await openTicket(page);
    await page.getByLabel('Your reply').fill('Text that must survive.');

    // Held at the network: the upload stays in flight until cancelled.
    await page.route('**/attachments', () => undefined);
    await tray(page).locator('input[type="file"]').setInputFiles({ name: 'slow.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await chip(page, 'uploading').locator('progress').waitFor();
    await tray(page).getByRole('button', { name: 'Cancel slow.png' }).click();
    await chip(page, 'failed').getByText('Cancelled.').waitFor();
    await page.unroute('**/attachments');

    await tray(page).locator('input[type="file"]').setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await chip(page, 'failed').getByText('Too large: a file may be at most 10 MB.').waitFor();
    expect(await page.getByLabel('Your reply').inputValue()).toBe('Text that must survive.');
    await context.close();
  });

  it('works by keyboard and in Persian, in the agent’s composer too', async () => {
    const { page, context } = await h.page();
    await openTicket(page, PEOPLE.agent, 'fa');
    const button = tray(page).getByRole('button', { name: 'پیوست پرونده' });
    const chooser = page.waitForEvent('filechooser');
    // Focuses the button and presses Enter in one step, so a re-render in between cannot take the focus.
    await button.press('Enter');
    await (await chooser).setFiles({ name: 'trace.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await chip(page, 'done').getByText('trace.png · ۷۰ بایت').waitFor();
    await context.close();
  });

  it('attaches files to a new ticket', async () => {
    const { page, context } = await h.page();
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    await page.getByRole('button', { name: 'New ticket', exact: true }).first().click();
    await page.getByRole('heading', { name: 'New ticket' }).waitFor();
    await tray(page).locator('input[type="file"]').setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await chip(page, 'done').waitFor();
    await page.getByLabel('Subject').fill('With a screenshot');
    await page.getByLabel('Category').selectOption('technical');
    await page.getByLabel('Description').fill('See the file.');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: 'With a screenshot' }).waitFor();
    await page.locator('[part="message"] st-files img').waitFor();
    await context.close();
  });

  it('sends a reply typed while the attachments are still downloading: once, the host told, no failure shown', async () => {
    const { page, context } = await h.page();
    // A slow network: the attachments part of the widget arrives only when the test lets it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/support-tickets-attachments-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await h.openHost(page, PEOPLE.customer, { lang: 'en' });
    await page.locator('[part="ticket"]', { hasText: subject }).click();
    await page.getByRole('heading', { name: subject }).waitFor();
    expect(await page.evaluate(() => customElements.get('st-attach') === undefined)).toBe(true);

    const reply = page.getByLabel('Your reply');
    await reply.fill('Typed before the files part arrived.');
    await reply.press('Control+Enter');
    await expect.poll(async () => (await widgetEvents(page)).map((e) => e.type), { timeout: 10_000 }).toEqual(['support-ticket-replied']);
    expect(await reply.inputValue()).toBe('');
    expect(await page.getByText('Your reply was not sent').count()).toBe(0);
    const customer = await h.api(PEOPLE.customer);
    const listed = (await customer.ticket.list.query({})).items.find((t) => t.subject === subject);
    const stored = await customer.ticket.get.query({ id: listed!.id });
    expect(stored.messages.filter((m) => m.body === 'Typed before the files part arrived.')).toHaveLength(1);

    // Once it arrives, the composer takes files again.
    release();
    await tray(page).getByText('Up to 5 files, 10 MB each.').waitFor();
    await context.close();
  });
});
