// Test support: reaching into nested shadow roots, and mounting elements.
import type { LitElement } from 'lit';
import { vi } from 'vitest';
import { createApi } from '../api/client';
import { readSession } from '../api/session';
import type { WidgetContext } from '../context';
import { localize } from '../i18n/localize';
import { LiveHub } from '../live/hub';
import type { Lang } from '../translations/index';
import type { FakeApi } from './fake-api';
import '../index';

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

let installed: FakeApi | null = null;

/** Puts the fake API behind `fetch` and `EventSource`. */
export function installFetch(api: FakeApi) {
  installed = api;
  vi.stubGlobal('fetch', api.fetch);
  vi.stubGlobal('EventSource', api.EventSource);
  if (typeof window !== 'undefined') {
    (window as unknown as { fetch: typeof fetch }).fetch = api.fetch as typeof fetch;
    (window as unknown as { EventSource: unknown }).EventSource = api.EventSource;
  }
}

/** A context like the root element's, for mounting one view alone. */
export function makeContext(token: string, lang: Lang = 'en', emitted: Array<[string, unknown]> = []): WidgetContext {
  const session = readSession(token);
  if (!session) throw new Error('unreadable test token');
  const api = createApi({ url: 'http://api.test', tokens: { current: async () => token, refresh: async () => null } });
  // Live like the root element's: following the fake API's change stream.
  const live = new LiveHub();
  live.start(api);
  hubs.push(live);
  return { api, i18n: localize(lang), session, live, emit: (name, detail) => void emitted.push([name, detail]) };
}

export async function mount<T extends LitElement>(tag: string, props: Record<string, unknown>): Promise<T> {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const hubs: LiveHub[] = [];

/** Removes the elements; requests still in flight meet a closed network, never the real one. */
export function cleanup() {
  document.body.replaceChildren();
  for (const hub of hubs.splice(0)) hub.stop();
  for (const stream of installed?.streams ?? []) stream.close();
  installed = null;
  const closed = async () => {
    throw new TypeError('Failed to fetch (test over)');
  };
  vi.stubGlobal('fetch', closed);
  if (typeof window !== 'undefined') (window as unknown as { fetch: unknown }).fetch = closed;
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
