import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text, type } from '../../../testing/dom';
import { failingFetch, type Failure, type ProcedurePath } from '../../../testing/failures';
import { AGENT, CUSTOMER, startHarness, type Harness } from '../../../testing/harness';
import { OrgUpdatedEvent } from '../agent-store';
import type { PlanForm } from './plan-form';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await (await h.as(CUSTOMER)).org.get.query(); // the organisation exists, on Developer
});
afterEach(() => h.close());

async function form(options: { lang?: 'en' | 'fa'; fetch?: typeof fetch } = {}) {
  const org = await (await h.as(AGENT)).org.get.query({ orgId: CUSTOMER.org });
  const el = await h.mount<PlanForm>('support-tickets-plan-form', { org }, { claims: AGENT, ...options });
  const updates: OrgUpdatedEvent[] = [];
  el.addEventListener(OrgUpdatedEvent.type, (e) => updates.push(e as OrgUpdatedEvent));
  return { el, updates };
}

const saved = async () => (await (await h.as(AGENT)).org.get.query({ orgId: CUSTOMER.org })).plan;

const pick = (el: PlanForm, value: string) => {
  $<HTMLInputElement>(el, `input[name="plan"][value="${value}"]`)!.click();
  return el.updateComplete;
};

describe('plan form', () => {
  it('starts on the organisation’s plan and moves it to another plan of the table', async () => {
    const { el, updates } = await form();
    expect($<HTMLInputElement>(el, 'input[value="developer"]')!.checked).toBe(true);
    expect(text($(el, 'input[value="enterprise"]')!.closest('label'))).toContain('Critical < 30 min');
    await pick(el, 'enterprise');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    expect(h.calls('org.setPlan')).toEqual([{ orgId: CUSTOMER.org, plan: 'enterprise' }]);
    expect((await saved()).id).toBe('enterprise');
    expect(text($(el, '.saved'))).toBe('Saved: the organisation is on the Enterprise plan.');
  });

  it('sets a custom plan: targets per priority in minutes or hours, and business hours', async () => {
    const { el, updates } = await form();
    await pick(el, 'custom');
    const row = (priority: string) => $(el, `.target[data-priority="${priority}"]`)!;
    // Prefilled from the current plan: normal 24 h, low 48 h.
    expect(row('normal').querySelector<HTMLInputElement>('input[inputmode="numeric"]')!.value).toBe('24');
    const critical = row('critical');
    critical.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await el.updateComplete;
    type(critical.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!, '45');
    type(critical.querySelector('select')!, 'min');
    row('low').querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    $<HTMLInputElement>(el, 'input[name="hours"][value="24/7"]')!.click();
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    expect(h.calls('org.setPlan')).toEqual([{ orgId: CUSTOMER.org, custom: { responseMinutes: { critical: 45, normal: 1440 }, hours: '24/7' } }]);
    expect(await saved()).toMatchObject({ id: 'custom', responseMinutes: { critical: 45, normal: 1440 }, hours: '24/7' });
  });

  it('once a plan is saved, the custom fields start from the saved plan’s targets', async () => {
    const { el, updates } = await form();
    const row = (priority: string) => $(el, `.target[data-priority="${priority}"]`)!;
    const fields = (priority: string) => {
      const target = row(priority);
      return {
        offered: target.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked,
        value: target.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!.value,
        unit: target.querySelector('select')!.value,
      };
    };
    const hours = () => $<HTMLInputElement>(el, 'input[name="hours"]:checked')?.value;

    // Developer → Enterprise; then "Custom" offers Enterprise's targets, not Developer's.
    await pick(el, 'enterprise');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    await pick(el, 'custom');
    expect(fields('critical')).toEqual({ offered: true, value: '30', unit: 'min' });
    expect(fields('high')).toEqual({ offered: true, value: '4', unit: 'h' });
    expect(fields('low')).toEqual({ offered: true, value: '24', unit: 'h' });
    expect(hours()).toBe('24/7');

    // A custom plan saved: the fields show it as saved (as the form opens on it), not as typed.
    type(row('critical').querySelector<HTMLInputElement>('input[inputmode="numeric"]')!, '120');
    row('low').querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await vi.waitFor(() => expect(updates).toHaveLength(2));
    expect((await saved()).responseMinutes).toEqual({ critical: 120, urgent: 60, high: 240, normal: 720 });
    await el.updateComplete;
    expect(fields('critical')).toEqual({ offered: true, value: '2', unit: 'h' });
    expect(fields('low')).toEqual({ offered: false, value: '', unit: 'h' });
    expect($<HTMLInputElement>(el, 'input[name="plan"]:checked')?.value).toBe('custom');
    expect(text($(el, '.saved'))).toBe('Saved: the organisation is on the Custom plan.');
  });

  it('says what is wrong with a custom plan before sending, as core judges it, and shows a failure to save', async () => {
    const failing = new Map<ProcedurePath, Failure>();
    const { el } = await form({ fetch: failingFetch(h.server.fetch, failing) });
    await pick(el, 'custom');
    type($<HTMLInputElement>(el, '.target[data-priority="normal"] input[inputmode="numeric"]')!, '0');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).toBe('Normal: enter a whole number above zero.');
    expect($(el, '.target[data-priority="normal"] input[inputmode="numeric"]')?.getAttribute('aria-invalid')).toBe('true');
    for (const priority of ['normal', 'low']) $<HTMLInputElement>(el, `.target[data-priority="${priority}"] input[type="checkbox"]`)!.click();
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).toBe('Offer at least one priority.');
    expect(h.calls('org.setPlan')).toHaveLength(0);

    failing.set('org.setPlan', { code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'boom' });
    await pick(el, 'business');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await vi.waitFor(() => expect(text($(el, '[role="alert"]'))).toContain('The plan was not changed.'));
    expect(text($(el, '[role="alert"]'))).toContain('Something went wrong on our side');
    expect((await saved()).id).toBe('developer');
  });

  it('reads in Persian', async () => {
    const { el } = await form({ lang: 'fa' });
    expect(text(el)).toContain('تغییر پلن');
    expect($$(el, 'input[name="plan"]')).toHaveLength(5);
    expect(text($(el, 'input[value="enterprise"]')!.closest('label'))).toContain('حیاتی کمتر از ۳۰ دقیقه');
  });
});
