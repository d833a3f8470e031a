import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startHarness, type Harness } from './harness';

// SPEC §9 in the browser: past a person's rate limit the widget says how long to wait, in the
// page's language, worded from the server's reason; what was typed stays. A tight limit (a
// minute's window) so the window cannot turn over while the test runs.

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    rateLimits: { person: { calls: 12, seconds: 60 }, personWrites: { calls: 12, seconds: 60 }, organisation: { calls: 600, seconds: 60 } },
  });
});
afterAll(async () => {
  await h?.stop();
});

describe('the rate limit', () => {
  it.each([
    ['en', /Too many requests in a short time\. Wait \d+ s, then try again\./],
    ['fa', /در زمانی کوتاه درخواست‌های زیادی فرستاده شد\. .+ ثانیه صبر کنید/],
  ] as const)('is worded in %s from the server’s reason, and the typed text stays', async (lang, words) => {
    const who = { ...PEOPLE.customer, sub: `e2e-hurried-${lang}` };
    const api = await h.api(who);
    const { id } = await api.ticket.create.mutate({ subject: `Hurried ${lang}`, body: 'first', category: 'technical' });
    const { page, context } = await h.page();
    await h.openHost(page, who, { lang });
    await page.locator('[part="ticket"]', { hasText: `Hurried ${lang}` }).click();
    await page.locator('textarea').fill('Is it fixed yet?');
    // The same person, from a script, spends what is left of the budget.
    let refused = false;
    for (let i = 0; i < 20 && !refused; i++) refused = await api.ticket.get.query({ id }).then(() => false, () => true);
    expect(refused).toBe(true);
    await page.locator('[part="submit"]').click();
    await page.getByText(words).waitFor();
    expect(await page.locator('textarea').inputValue()).toBe('Is it fixed yet?');
    await context.close();
  });
});
