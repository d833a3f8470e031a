import type { Lang } from '../translations/index';

/** The resource picker's words, in its chunk (the main file carries none). */
export interface ResourceWords {
  legend: string;
  optional: string;
  hint: string;
  /** How many are picked, for the legend; `count` is formatted. */
  chosen: (n: number, count: string) => string;
  filter: string;
  none: string;
  loadFailed: string;
  /** A refusal of the server's, added to the widget's refusal words when this chunk loads. */
  reasons: { resource_not_allowed: string };
}

const en: ResourceWords = {
  legend: 'Resources',
  optional: 'optional',
  hint: 'The servers, databases or other resources this ticket is about.',
  chosen: (n, count) => (n === 0 ? '' : n === 1 ? '1 chosen' : `${count} chosen`),
  filter: 'Find a resource',
  none: 'No resource matches.',
  loadFailed: 'Your resources could not be loaded; you can open the ticket without them.',
  reasons: { resource_not_allowed: 'A resource you chose is no longer one you may refer to. Choose again.' },
};

const fa: ResourceWords = {
  legend: 'منابع',
  optional: 'اختیاری',
  hint: 'سرورها، پایگاه‌های داده یا منابع دیگری که این تیکت دربارهٔ آن‌هاست.',
  chosen: (n, count) => (n === 0 ? '' : `${count} انتخاب شده`),
  filter: 'جستجوی منبع',
  none: 'منبعی با این نام نیست.',
  loadFailed: 'فهرست منابع شما بارگذاری نشد؛ می‌توانید تیکت را بدون آن‌ها باز کنید.',
  reasons: { resource_not_allowed: 'یکی از منابعی که انتخاب کردید دیگر در دسترس شما نیست. دوباره انتخاب کنید.' },
};

export const RESOURCE_WORDS: Record<Lang, ResourceWords> = { fa, en };
