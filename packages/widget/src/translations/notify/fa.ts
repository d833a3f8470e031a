import type { NotifyText } from './en';

export const fa: NotifyText = {
  waiting: { resolved: 'حل شد، همین حالا ببند', needHelp: 'هنوز کمک لازم دارم', failed: 'تیکت بسته نشد.' },
  email: {
    label: 'اعلان ایمیلی',
    on: (address) => `پاسخ‌ها و بسته شدن تیکت به ${address} ایمیل می‌شود.`,
    off: 'ایمیلی دربارهٔ تیکت‌هایتان دریافت نمی‌کنید.',
    none: 'نشانی ایمیلی از شما در دست نیست، پس ایمیلی فرستاده نمی‌شود.',
    failed: 'تنظیم ذخیره نشد.',
  },
};
