import { PLANS } from '@support-tickets/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, cleanup, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { ApiError, CUSTOMER, DEVELOPER_ORG, FakeApi, fakeToken } from '../../../testing/fake-api';
import type { PlanTable } from './plan-table';

let api: FakeApi;
const planList = Object.values(PLANS).map((plan) => ({ ...plan }));

beforeEach(() => {
  api = new FakeApi().on('plan.list', () => planList).on('org.get', () => DEVELOPER_ORG);
  installFetch(api);
});
afterEach(cleanup);

const table = (lang: 'en' | 'fa' = 'en', org?: unknown) =>
  mount<PlanTable>('support-tickets-plans', { ctx: makeContext(fakeToken(CUSTOMER), lang), org });

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
    expect(text(el)).toContain('Your organisation is on the Developer plan.');
    expect($$(el, 'td.current')).toHaveLength(6);
  });

  it('adds a column for a custom plan', async () => {
    const custom = { ...DEVELOPER_ORG, plan: { id: 'custom', responseMinutes: { urgent: 45 }, hours: '24/7' } };
    const el = await table('en', custom);
    await vi.waitFor(() => expect($(el, 'table')).not.toBeNull());
    expect(text($(el, '[part="current-plan"]'))).toBe('Custom Your plan');
    expect(text(el)).toContain('custom plan');
    expect(api.callsTo('org.get')).toHaveLength(0);
  });

  it('reads in Persian', async () => {
    const el = await table('fa');
    await vi.waitFor(() => expect($(el, 'table')).not.toBeNull());
    expect(text($(el, '[part="current-plan"]'))).toBe('پایه پلن شما');
    expect(text(el)).toContain('کمتر از ۳۰ دقیقه');
  });

  it('explains a failure with a retry', async () => {
    api.on('plan.list', () => {
      throw new ApiError('INTERNAL_SERVER_ERROR', 'x');
    });
    const el = await table();
    await vi.waitFor(() => expect(text(el)).toContain('The plans could not be loaded.'));
    api.on('plan.list', () => planList);
    $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await vi.waitFor(() => expect($(el, 'table')).not.toBeNull());
  });
});
