import { afterEach, describe, expect, it, vi } from 'vitest';

// The element with a fresh copy of its modules, as a page has them before English was asked for;
// `english` decides when (and whether) the English table's download arrives.
async function freshElement(tag: string, english: () => Promise<unknown>) {
  vi.resetModules();
  vi.doMock('../translations/en', async (original) => {
    await english();
    return original();
  });
  const { SupportTickets } = await import('./support-tickets');
  customElements.define(tag, SupportTickets);
  const el = document.createElement(tag) as InstanceType<typeof SupportTickets>;
  el.lang = 'en';
  document.body.append(el);
  await el.updateComplete;
  const base = () => el.shadowRoot!.querySelector<HTMLElement>('.base')!;
  return { el, base };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.doUnmock('../translations/en');
});

describe('the language', () => {
  it('shows the box busy and wordless until English arrives, then English', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const { base } = await freshElement('st-language-arrives', () => arrived);

    expect(base().getAttribute('aria-busy')).toBe('true');
    expect(base().textContent?.trim()).toBe('');

    arrive();
    await vi.waitFor(() => expect(base().textContent).toContain('Sign in to see your support tickets.'));
    expect(base().getAttribute('dir')).toBe('ltr');
    expect(base().hasAttribute('aria-busy')).toBe(false);
  });

  it('falls back to Persian when English cannot be downloaded, and does not ask again for it', async () => {
    const download = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const { el, base } = await freshElement('st-language-fails', download);

    await vi.waitFor(() => expect(base().getAttribute('dir')).toBe('rtl'));
    expect(base().textContent).toContain('برای دیدن تیکت‌های پشتیبانی وارد حساب خود شوید.');
    el.requestUpdate();
    await el.updateComplete;
    expect(download).toHaveBeenCalledTimes(1);
  });
});
