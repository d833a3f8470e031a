import type { TokenClaims } from '@support-tickets/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

// The widget inside a host that behaves like a component framework rather than a hand-written
// page: the element is created and given its properties before the script that defines it has
// loaded, lives inside the host's own shadow root, has its attributes changed on re-render and
// is unmounted and mounted again.

let h: Harness;
const CUSTOMER = { sub: 'fw-customer', role: 'customer', org: 'fw-org', orgName: 'Atlas Hosting', name: 'Mina' } as const satisfies TokenClaims;
const SUBJECT = 'DNS zone not propagating';

beforeAll(async () => {
  h = await startHarness();
  const api = await h.api(CUSTOMER);
  await api.ticket.create.mutate({ subject: SUBJECT, body: 'Since the move.', category: 'technical' });
});
afterAll(async () => {
  await h?.stop();
});

/** A host page as a framework would render it; the widget's script arrives last. */
function frameworkHost(token: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Framework host</title></head>
  <body>
    <div id="app"></div>
    <script>
      window.hostEvents = [];
      window.pageErrors = [];
      window.addEventListener('error', (event) => window.pageErrors.push(event.message));
      for (const type of ['support-ticket-replied', 'support-error']) {
        document.addEventListener(type, (event) => window.hostEvents.push({ type, composed: event.composed }));
      }
      // The app's component: its own shadow root, the element created and configured by code.
      const app = document.getElementById('app');
      const root = app.attachShadow({ mode: 'open' });
      const widget = document.createElement('support-tickets');
      widget.setAttribute('lang', 'en');
      widget.setAttribute('api-url', location.origin);
      widget.token = ${JSON.stringify(token)};
      widget.getToken = () => Promise.resolve(${JSON.stringify(token)});
      root.append(widget);
      window.widget = widget;
      window.loadWidgetScript = () => {
        const script = document.createElement('script');
        script.type = 'module';
        script.src = '/widget/support-tickets.js';
        document.head.append(script);
      };
    </script>
  </body>
</html>`;
}

describe('in a host built like a framework app', () => {
  it('takes properties set before its definition loaded, works inside the host’s shadow root, and survives re-renders and remounts', async () => {
    const { page, context } = await h.page();
    try {
      const url = `${h.origin}/framework-host`;
      const html = frameworkHost(await h.token(CUSTOMER));
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(url);
      expect(await page.evaluate(() => customElements.get('support-tickets'))).toBeUndefined();

      // The definition arrives after the token was set as a plain property on the element.
      await page.evaluate(() => (window as unknown as { loadWidgetScript: () => void }).loadWidgetScript());
      const row = page.getByRole('button', { name: new RegExp(SUBJECT) });
      await row.waitFor();

      // Events cross both shadow roots to the document.
      await row.click();
      const reply = page.getByLabel('Your reply');
      await reply.fill('Checked again: still old records.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { hostEvents: unknown[] }).hostEvents))
        .toEqual([{ type: 'support-ticket-replied', composed: true }]);

      // A re-render changes an attribute: the widget follows.
      await page.evaluate(() => (window as unknown as { widget: HTMLElement }).widget.setAttribute('lang', 'fa'));
      await expect.poll(() => page.locator('support-tickets [dir]').first().getAttribute('dir')).toBe('rtl');
      await page.getByRole('heading', { name: 'گفتگو' }).waitFor();

      // Unmounted and mounted again, as a keep-alive router does: it comes back on the same ticket.
      await page.evaluate(() => {
        const { widget } = window as unknown as { widget: HTMLElement };
        const root = widget.getRootNode() as ShadowRoot;
        widget.remove();
        root.append(widget);
      });
      await page.getByRole('heading', { name: 'گفتگو' }).waitFor();
      expect(await page.getByText('Checked again: still old records.').count()).toBe(1);

      expect(await page.evaluate(() => (window as unknown as { pageErrors: string[] }).pageErrors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
