import { LABELS, type DomainLabels } from '@support-tickets/core';
import { translation, type Lang, type Translation } from '../translations/index';

const MINUTE = 60_000;

/** The language-dependent half of the widget: strings, domain labels and `Intl` formatting. */
export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  t: Translation;
  labels: DomainLabels;
  number(value: number): string;
  /** A ticket's number as people say it: "#1042", "#۱۰۴۲" (no grouping). */
  ticketNumber(value: number): string;
  /** A share (0…1) as a whole percentage: "92%", "۹۲٪". */
  percent(share: number): string;
  /** A span of time as a person says it: "40 min", "3 h", "2 h 30 min", "3 d". */
  duration(minutes: number): string;
  /** "3 h ago", "in 40 min" relative to `now`. */
  relative(at: Date, now: Date): string;
  /** The exact instant, for `title` tooltips and facts (Jalali in `fa`). */
  dateTime(at: Date): string;
  /** Items joined as the language lists them: "high, normal and low", "بالا، عادی و پایین". */
  list(items: string[]): string;
}

const cache = new Map<Lang, I18n>();

/** The language's formatting and words; its table must be here (`loadTranslation`). */
export function localize(lang: Lang): I18n {
  let i18n = cache.get(lang);
  if (!i18n) {
    i18n = create(lang);
    cache.set(lang, i18n);
  }
  return i18n;
}

function create(lang: Lang): I18n {
  const t = translation(lang);
  if (!t) throw new Error(`The ${lang} translation has not been loaded`);
  const numberFormat = new Intl.NumberFormat(t.intlLocale, { maximumFractionDigits: 0 });
  const relativeFormat = new Intl.RelativeTimeFormat(t.intlLocale, { numeric: 'auto', style: 'long' });
  const dateTimeFormat = new Intl.DateTimeFormat(t.intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = (value: number) => numberFormat.format(value);
  const percentFormat = new Intl.NumberFormat(t.intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  const listFormat = new Intl.ListFormat(t.intlLocale, { style: 'long', type: 'conjunction' });

  return {
    lang,
    dir: t.dir,
    t,
    labels: LABELS[lang],
    number,
    ticketNumber: (value) => `#${value.toLocaleString(t.intlLocale, { useGrouping: false })}`,
    percent: (share) => percentFormat.format(share),
    list: (items) => listFormat.format(items),
    duration(minutes) {
      const m = Math.max(0, Math.round(minutes));
      if (m < 60) return t.units.minute(number(Math.max(1, m)));
      if (m < 10 * 60) {
        // Minutes matter while the span is short, to the nearest five.
        const rounded = Math.round(m / 5) * 5;
        const hours = Math.floor(rounded / 60);
        const rest = rounded % 60;
        if (rest === 0) return t.units.hour(number(hours));
        return [t.units.hour(number(hours)), t.units.minute(number(rest))].join(t.unitJoiner);
      }
      if (m < 72 * 60) return t.units.hour(number(Math.round(m / 60)));
      return t.units.day(number(Math.round(m / (24 * 60))));
    },
    relative(at, now) {
      const minutes = Math.round((at.getTime() - now.getTime()) / MINUTE);
      const abs = Math.abs(minutes);
      if (abs < 1) return relativeFormat.format(0, 'second');
      if (abs < 60) return relativeFormat.format(minutes, 'minute');
      if (abs < 24 * 60) return relativeFormat.format(Math.round(minutes / 60), 'hour');
      if (abs < 30 * 24 * 60) return relativeFormat.format(Math.round(minutes / (24 * 60)), 'day');
      return dateTimeFormat.format(at);
    },
    dateTime: (at) => dateTimeFormat.format(at),
  };
}
