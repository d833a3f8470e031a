import { html } from 'lit';
import type { I18n } from '../i18n/localize';

/**
 * A relative time ("3 hours ago") with the exact instant on hover and for machines;
 * `phrase` puts it in words ("Updated 3 hours ago").
 */
export function relativeTime(i18n: I18n, iso: string, now: Date, phrase: (relative: string) => string = (r) => r) {
  const at = new Date(iso);
  return html`<time datetime=${iso} title=${i18n.dateTime(at)}>${phrase(i18n.relative(at, now))}</time>`;
}

/** The exact instant, with the relative reading on hover. */
export function exactTime(i18n: I18n, iso: string, now: Date) {
  const at = new Date(iso);
  return html`<time datetime=${iso} title=${i18n.relative(at, now)}>${i18n.dateTime(at)}</time>`;
}
