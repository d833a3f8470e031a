import { html, render, type ReactiveControllerHost } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { localize } from '../i18n/localize';
import { ChunkOf, onDemand } from './on-demand';

const i18n = localize('en');

/** A host that counts the renders it was asked for, and shows what the chunk's element renders. */
function setup(load: () => Promise<unknown>, tag = 'st-never-defined') {
  const host = { addController: () => undefined, requestUpdate: vi.fn() } as unknown as ReactiveControllerHost & { requestUpdate: ReturnType<typeof vi.fn> };
  const chunk = new ChunkOf(host, load, tag);
  const shown = document.createElement('div');
  const show = () => {
    render(chunk.render(i18n, html`<p>the page</p>`), shown);
    return shown;
  };
  return { host, show };
}

describe('a chunk loaded on demand', () => {
  it('is downloaded once however many views ask, each showing "Loading…" until it is here', async () => {
    let arrive!: () => void;
    const download = vi.fn(() => new Promise<void>((resolve) => (arrive = resolve)));
    const load = onDemand(download);
    const form = setup(load);
    const plans = setup(load);

    expect(form.show().textContent).toContain('Loading…');
    expect(plans.show().textContent).toContain('Loading…');
    arrive();
    await vi.waitFor(() => expect(form.host.requestUpdate).toHaveBeenCalled());
    await vi.waitFor(() => expect(plans.host.requestUpdate).toHaveBeenCalled());

    expect(form.show().textContent).toContain('the page');
    expect(plans.show().textContent).toContain('the page');
    expect(download).toHaveBeenCalledTimes(1);
  });

  it('shows its page at once when its elements are already defined', () => {
    customElements.define('st-defined-page', class extends HTMLElement {});
    const download = vi.fn(() => Promise.resolve());
    expect(setup(onDemand(download), 'st-defined-page').show().textContent).toContain('the page');
    expect(download).not.toHaveBeenCalled();
  });

  it('shows its page at once when its elements were defined after the view was made (a chunk fetched ahead)', () => {
    const download = vi.fn(() => Promise.resolve());
    const ticket = setup(onDemand(download), 'st-fetched-ahead');
    customElements.define('st-fetched-ahead', class extends HTMLElement {});
    expect(ticket.show().textContent).toContain('the page');
    expect(download).not.toHaveBeenCalled();
  });

  it('after a failed download offers a retry, which downloads again; nothing is asked again without it', async () => {
    const download = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(undefined);
    const { host, show } = setup(onDemand(download));

    show();
    await vi.waitFor(() => expect(host.requestUpdate).toHaveBeenCalledTimes(1));
    const retry = show().querySelector('button');
    expect(retry?.textContent).toContain('Try again');
    show();
    expect(download).toHaveBeenCalledTimes(1);

    retry!.click();
    expect(show().textContent).toContain('Loading…');
    await vi.waitFor(() => expect(host.requestUpdate).toHaveBeenCalledTimes(3));
    expect(show().textContent).toContain('the page');
    expect(download).toHaveBeenCalledTimes(2);
  });
});
