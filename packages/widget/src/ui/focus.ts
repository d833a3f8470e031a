import type { LitElement } from 'lit';

/**
 * Runs an action that disables the control that started it. A disabled button or select drops
 * focus to the page, which would leave a keyboard user nowhere (Escape and Tab start over from
 * the top); when that happened, focus goes to `target` once the action is done.
 */
export async function keepingFocus(host: LitElement, action: () => Promise<unknown>, target: () => HTMLElement | null | undefined) {
  const hadFocus = focusInside(host);
  try {
    await action();
  } finally {
    await host.updateComplete;
    const active = document.activeElement;
    if (hadFocus && !focusInside(host) && (!active || active === document.body)) target()?.focus();
  }
}

/**
 * Whether focus is inside the host's shadow root, followed down from the document through each
 * shadow root on the way, so focus left on a node removed meanwhile counts as nowhere.
 */
function focusInside(host: LitElement) {
  let node = document.activeElement;
  while (node && node !== host) node = node.shadowRoot?.activeElement ?? null;
  return node === host && host.shadowRoot?.activeElement != null;
}
