// Test support: reaching into nested shadow roots, typing and pressing keys as a person would.

/** Follows selectors through shadow roots: each selector is looked up in the previous match's shadow root. */
export function $<T extends Element = HTMLElement>(root: Element | Document, ...selectors: string[]): T | null {
  let node: Element | Document | ShadowRoot | null = root;
  for (const selector of selectors) {
    const scope: Element | Document | ShadowRoot | null = node instanceof Element ? (node.shadowRoot ?? node) : node;
    node = scope?.querySelector(selector) ?? null;
    if (!node) return null;
  }
  return node as T | null;
}

export function $$<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T[] {
  const last = selectors.pop() ?? '*';
  const parent = selectors.length > 0 ? $(root, ...selectors) : root;
  const scope = parent?.shadowRoot ?? parent;
  return scope ? [...scope.querySelectorAll<T>(last)] : [];
}

/** All text of an element, shadow roots included, whitespace collapsed. */
export function text(node: Node | null): string {
  if (!node) return '';
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Sets an input's value and dispatches the event a person's typing would. */
export function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** The element that has focus, through shadow roots. */
export function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Escape on `target`, as a keyboard would (the event crosses shadow roots). */
export const escape = (target: Element) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
