import type { LitElement } from 'lit';

/**
 * Runs an action that disables the control that started it. A disabled button or select drops
 * focus to the page, which would leave a keyboard user nowhere (Escape and Tab start over from
 * the top); when that happened, focus goes to `target` once the action is done.
 */
export async function keepingFocus(host: LitElement, action: () => Promise<unknown>, target: () => HTMLElement | null | undefined) {
  const root = host.renderRoot as ShadowRoot;
  const hadFocus = root.activeElement !== null;
  try {
    await action();
  } finally {
    await host.updateComplete;
    const active = document.activeElement;
    if (hadFocus && root.activeElement === null && (!active || active === document.body)) target()?.focus();
  }
}
