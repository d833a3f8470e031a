// What browser tests check of access: axe's violations, and moving focus with the keyboard as a
// person does (Tab, the arrow keys), reading where it is.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Runs axe on the page (the widget's shadow DOM included); returns the violations, readable. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

type Target = readonly [selector: string, text: string | null];

/** In the page: whether what is focused (followed through shadow roots) matches the selector and holds the text. */
function focusIsOn([selector, text]: Target): boolean {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || !active.matches(selector)) return false;
  return text === null || (active.textContent ?? '').replace(/\s+/g, ' ').includes(text) || (active.getAttribute('aria-label') ?? '').includes(text);
}

const described = ([selector, text]: Target) => `${selector}${text ? ` with "${text}"` : ''}`;

/**
 * Presses Tab (Shift+Tab with `back`) until focus is on an element matching `selector` (and
 * holding `text`, when given); fails after `max` presses, naming what it looked for.
 */
export async function tabTo(page: Page, selector: string, options: { text?: string; back?: boolean; max?: number } = {}) {
  const target: Target = [selector, options.text ?? null];
  for (let presses = 0; presses <= (options.max ?? 60); presses += 1) {
    if (await page.evaluate(focusIsOn, target)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${described(target)}`);
}

/** Waits until focus is on an element matching `selector` (and holding `text`, when given). */
export async function focusReaches(page: Page, selector: string, text: string | null = null, timeout = 15_000) {
  const target: Target = [selector, text];
  await page.waitForFunction(focusIsOn, target, { timeout }).catch(() => {
    throw new Error(`focus never reached ${described(target)}`);
  });
}

/** The value of the focused field (through shadow roots). */
export const focusedValue = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement ? active.value : null;
  });

/**
 * In a list that is one tab stop (the agent's queue), moves with the arrow keys from the top
 * (Home) until the focused item matching `selector` holds `text`.
 */
export async function arrowTo(page: Page, selector: string, text: string, max = 60) {
  const target: Target = [selector, text];
  await page.keyboard.press('Home');
  for (let presses = 0; presses <= max; presses += 1) {
    if (await page.evaluate(focusIsOn, target)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached ${described(target)}`);
}
