import type { Lang } from '../translations/index';

/** The words of attachments, in the chunk that shows them (the main file carries none). */
export interface AttachWords {
  attach: string;
  /** What may be attached, said before anything is uploaded. */
  limits: (count: string, size: string) => string;
  /** Said while a file is dragged over the form. */
  dropHere: string;
  files: string;
  progress: (name: string) => string;
  cancel: (name: string) => string;
  remove: (name: string) => string;
  /** The name given to a pasted screenshot that has none of its own. */
  pasted: string;
  cancelled: string;
  failed: string;
  tooMany: (count: string) => string;
  tooLarge: (size: string) => string;
  quota: (size: string) => string;
  /** Sending while files are still on their way. */
  wait: string;
  open: (name: string) => string;
  download: (name: string) => string;
  /** Sizes: bytes, kilobytes, megabytes with the number already formatted. */
  bytes: (n: string) => string;
  kb: (n: string) => string;
  mb: (n: string) => string;
  /** Refusals of a message's files, added to the widget's refusal words when this chunk loads. */
  reasons: { too_many_attachments: string; attachment_unavailable: string };
}

const en: AttachWords = {
  attach: 'Attach files',
  limits: (count, size) => `Up to ${count} files, ${size} each. Drop or paste screenshots here.`,
  dropHere: 'Drop files to attach them',
  files: 'Files',
  progress: (name) => `Uploading ${name}`,
  cancel: (name) => `Cancel ${name}`,
  remove: (name) => `Remove ${name}`,
  pasted: 'screenshot',
  cancelled: 'Cancelled.',
  failed: 'Not uploaded. Your text is kept; try the file again.',
  tooMany: (count) => `At most ${count} files per message.`,
  tooLarge: (size) => `Too large: a file may be at most ${size}.`,
  quota: (size) => `Your organisation has used its ${size} of file storage.`,
  wait: 'Wait until the files have uploaded, or cancel them.',
  open: (name) => `Open ${name} full size`,
  download: (name) => `Download ${name}`,
  bytes: (n) => `${n} B`,
  kb: (n) => `${n} KB`,
  mb: (n) => `${n} MB`,
  reasons: {
    too_many_attachments: 'Too many files for one message; remove some.',
    attachment_unavailable: 'A file is no longer available to attach; remove it and upload it again.',
  },
};

const fa: AttachWords = {
  attach: 'پیوست پرونده',
  limits: (count, size) => `حداکثر ${count} پرونده، هر کدام تا ${size}. تصویر صفحه را اینجا رها یا جای‌گذاری کنید.`,
  dropHere: 'پرونده‌ها را برای پیوست رها کنید',
  files: 'پرونده‌ها',
  progress: (name) => `در حال بارگذاری ${name}`,
  cancel: (name) => `لغو ${name}`,
  remove: (name) => `حذف ${name}`,
  pasted: 'تصویر-صفحه',
  cancelled: 'لغو شد.',
  failed: 'بارگذاری نشد. متن شما حفظ شده است؛ دوباره پرونده را بفرستید.',
  tooMany: (count) => `هر پیام حداکثر ${count} پرونده دارد.`,
  tooLarge: (size) => `بیش از اندازه: هر پرونده حداکثر ${size} است.`,
  quota: (size) => `فضای ${size}ی پرونده‌های سازمان شما پر شده است.`,
  wait: 'تا پایان بارگذاری پرونده‌ها صبر کنید یا آن‌ها را لغو کنید.',
  open: (name) => `باز کردن ${name} در اندازهٔ کامل`,
  download: (name) => `دریافت ${name}`,
  bytes: (n) => `${n} بایت`,
  kb: (n) => `${n} کیلوبایت`,
  mb: (n) => `${n} مگابایت`,
  reasons: {
    too_many_attachments: 'پرونده‌های این پیام بیش از حد مجاز است؛ چندتا را بردارید.',
    attachment_unavailable: 'یکی از پرونده‌ها دیگر در دسترس نیست؛ آن را بردارید و دوباره بارگذاری کنید.',
  },
};

export const ATTACH_WORDS: Readonly<Record<Lang, AttachWords>> = { fa, en };

/** A size as a person reads it: "820 B", "14 KB", "2.4 MB" (Persian digits in fa). */
export function fileSize(bytes: number, lang: Lang): string {
  const w = ATTACH_WORDS[lang];
  const format = (n: number, digits: number) =>
    new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return w.bytes(format(bytes, 0));
  if (bytes < 1024 * 1024) return w.kb(format(bytes / 1024, 0));
  return w.mb(format(bytes / (1024 * 1024), 1));
}
