import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, cleanup, installFetch, makeContext, mount, text, type } from '../../../testing/dom';
import { AGENT, FakeApi, fakeToken } from '../../../testing/fake-api';
import { OrgDirectory } from '../org-directory';
import { NO_FILTERS, type QueueFilters } from '../queue-query';
import type { QueueFiltersForm } from './queue-filters';
import '../index';

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi().on('org.list', () => ({ items: [], nextCursor: null }));
  installFetch(api);
});
afterEach(cleanup);

async function filters(lang: 'en' | 'fa' = 'en') {
  const ctx = makeContext(fakeToken(AGENT), lang);
  const el = await mount<QueueFiltersForm>('support-tickets-queue-filters', { ctx, filters: NO_FILTERS, directory: new OrgDirectory() });
  el.addEventListener('st-queue-filters', (e) => (el.filters = (e as CustomEvent<QueueFilters>).detail));
  return el;
}

describe('queue filters', () => {
  it('says when no organisation has that name, and filters on none', async () => {
    const el = await filters();
    type($<HTMLInputElement>(el, '#org')!, 'Nobody Inc');
    await vi.waitFor(() => expect(text($(el, '#org-unknown'))).toBe('No organisation by that name; showing every organisation.'));
    expect(el.filters.orgId).toBe('');
  });

  it('waits for a pause in typing before searching subjects', async () => {
    const el = await filters();
    type($<HTMLInputElement>(el, '#q')!, 'dis');
    type($<HTMLInputElement>(el, '#q')!, 'disk');
    expect(el.filters.q).toBe('');
    await vi.waitFor(() => expect(el.filters.q).toBe('disk'));
  });

  it('shows filters set elsewhere, and labels every field in Persian', async () => {
    const el = await filters('fa');
    el.filters = { ...NO_FILTERS, priority: 'urgent', q: 'شبکه' };
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, 'select[name="priority"]')!.value).toBe('urgent');
    expect($<HTMLInputElement>(el, '#q')!.value).toBe('شبکه');
    expect(text(el)).toContain('واگذارشده به من');
    expect(text(el)).toContain('همهٔ پلن‌ها');
  });
});
