import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text } from '../../../testing/dom';
import { failingFetch, type Failure, type ProcedurePath } from '../../../testing/failures';
import { AGENT, CUSTOMER, startHarness, type Harness } from '../../../testing/harness';
import type { PlanTable } from './plan-table';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const table = (options: { lang?: 'en' | 'fa'; org?: unknown; fetch?: typeof fetch } = {}) =>
  h.mount<PlanTable>('support-tickets-plans', { org: options.org }, { claims: CUSTOMER, ...options });

describe('plan table', () => {
  it('shows the plans of SPEC §2 with the organisation’s plan marked in words', async () => {
    const el = await table();
    await vi.waitFor(() => expect($(el, 'table')).not.toBeNull());
    expect($$(el, 'thead th').map((th) => text(th))).toEqual(['Priority', 'Enterprise', 'SME', 'Business', 'Developer Your plan']);
    expect($(el, '[part="current-plan"]')?.textContent).toContain('Developer');
    const rows = $$(el, 'tbody tr').map((tr) => text(tr));
    expect(rows[0]).toBe('Critical < 30 min < 30 min — Not offered — Not offered');
    expect(rows[3]).toBe('Normal < 12 h < 12 h < 12 h < 24 h');
    expect(rows[4]).toBe('Low < 24 h < 24 h < 48 h < 48 h');
    expect(rows[5]).toBe('Technical support hours 24/7 24/7 24/7 Business hours');
    expect(rows[6]).toBe(
      'Architecture guidance Consultative review and guidance based on the customer’s plans Consultative review and guidance based on the customer’s plans (once a year) As the customer needs General',
    );
    expect(text(el)).toContain('Your organisation is on the Developer plan.');
    expect($$(el, 'td.current')).toHaveLength(7);
  });

  it('adds a column for a custom plan', async () => {
    const customer = await h.as(CUSTOMER);
    await customer.org.get.query();
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, custom: { responseMinutes: { urgent: 45 }, hours: '24/7' } });
    const el = await table({ org: await customer.org.get.query() });
    await vi.waitFor(() => expect($(el, 'table')).not.toBeNull());
    expect(text($(el, '[part="current-plan"]'))).toBe('Custom Your plan');
    expect(text(el)).toContain('custom plan');
    expect(text($$(el, 'tbody tr')[1]!)).toBe('Urgent < 1 h < 2 h < 2 h — Not offered < 45 min');
    // A custom plan is agreed case by case: no guidance of its own.
    expect(text($(el, '[data-row="guidance"] td:last-child'))).toBe('— Not offered');
    expect(h.calls('org.get')).toHaveLength(0);
  });

  it('reads in Persian', async () => {
    const el = await table({ lang: 'fa' });
    await vi.waitFor(() => expect($(el, 'table')).not.toBeNull());
    expect(text($(el, '[part="current-plan"]'))).toBe('پایه پلن شما');
    expect(text(el)).toContain('کمتر از ۳۰ دقیقه');
    expect(text($(el, '[data-row="guidance"]'))).toBe(
      'راهنمایی معماری بررسی مشورتی و راهنمایی براساس برنامه‌های مشتری بررسی مشورتی و راهنمایی براساس برنامه‌های مشتری (یک‌بار در سال) مطابق با موارد موردنیاز مشتری عمومی',
    );
  });

  it('explains a failure with a retry', async () => {
    const failing = new Map<ProcedurePath, Failure>([['plan.list', { code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'x' }]]);
    const el = await table({ fetch: failingFetch(h.server.fetch, failing) });
    await vi.waitFor(() => expect(text(el)).toContain('The plans could not be loaded.'));
    failing.clear();
    $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await vi.waitFor(() => expect($(el, 'table')).not.toBeNull());
  });
});
