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

/** The reader's time zone, as the browser names it ("Europe/Berlin"). */
export const readerZone = () => new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The exact instant and the clock it is read on (the reader's), beside a time given on another clock. */
export function readerTime(i18n: I18n, iso: string, now: Date) {
  return html`${exactTime(i18n, iso, now)} <span class="muted clock">(${i18n.t.yourClock(readerZone())})</span>`;
}

/** The exact instant, with the relative reading on hover. */
export function exactTime(i18n: I18n, iso: string, now: Date) {
  const at = new Date(iso);
  return html`<time datetime=${iso} title=${i18n.relative(at, now)}>${i18n.dateTime(at)}</time>`;
}
