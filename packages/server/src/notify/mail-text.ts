import type { Locale, NotificationType } from '@support-tickets/core';

/** The words of notification mail, in each language of the product. */
export interface MailWords {
  headline: Partial<Record<NotificationType, string>> & { 'ticket.replied.customer': string; other: string };
  /** Said of the auto-close warning: `{at}` is when the ticket closes. */
  closesAt: string;
  quoteIntro: string;
  /** Heads the list of the message's files. */
  files: string;
  open: string;
  why: string;
  unsubscribe: string;
}

export const MAIL_WORDS: Record<Locale, MailWords> = {
  fa: {
    headline: {
      'ticket.replied': 'پشتیبانی به درخواست شما پاسخ داد.',
      'ticket.replied.customer': 'مشتری به درخواست پاسخ داد.',
      'ticket.auto_close_warning': 'درخواست شما منتظر پاسخ شماست و به‌زودی خودکار بسته می‌شود.',
      'ticket.closed': 'درخواست شما بسته شد.',
      'ticket.assigned': 'این درخواست به شما سپرده شد.',
      'sla.at_risk': 'مهلت پاسخ به این درخواست رو به پایان است.',
      'sla.breached': 'مهلت پاسخ به این درخواست گذشته است.',
      other: 'درخواست تغییر کرد.',
    },
    closesAt: 'زمان بسته شدن: {at}. اگر هنوز کمک لازم دارید، پاسخ دهید.',
    quoteIntro: 'پیام تازه:',
    files: 'پرونده‌های پیوست',
    open: 'مشاهدهٔ درخواست',
    why: 'این نامه دربارهٔ درخواست پشتیبانی شما فرستاده شده است.',
    unsubscribe: 'برای قطع نامه‌ها، در صفحهٔ درخواست «اعلان ایمیلی» را خاموش کنید.',
  },
  en: {
    headline: {
      'ticket.replied': 'Support replied to your ticket.',
      'ticket.replied.customer': 'The customer replied to the ticket.',
      'ticket.auto_close_warning': 'Your ticket is waiting on you and will close by itself soon.',
      'ticket.closed': 'Your ticket was closed.',
      'ticket.assigned': 'This ticket was assigned to you.',
      'sla.at_risk': 'The reply to this ticket is due soon.',
      'sla.breached': 'The reply to this ticket is overdue.',
      other: 'The ticket changed.',
    },
    closesAt: 'It closes at {at}. If you still need help, reply.',
    quoteIntro: 'The new message:',
    files: 'Attached files',
    open: 'Open the ticket',
    why: 'You receive this mail about your support ticket.',
    unsubscribe: 'To stop these mails, turn off "Email notifications" on the ticket page.',
  },
};
