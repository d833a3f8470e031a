import type { Lang } from '../../../translations/index';

/** The new-ticket form's words, in the customer's pages chunk (the main file carries none). */
export interface FormWords {
  heading: string;
  intro: string;
  subject: string;
  subjectHint: string;
  chooseCategory: string;
  priorityHelp: (plan: string) => string;
  target: (duration: string) => string;
  noTarget: string;
  description: string;
  descriptionHint: string;
  submit: string;
  submitting: string;
  required: string;
  categoryRequired: string;
  fixFields: string;
  notOpened: string;
  counter: (used: string, max: string) => string;
  planLoadFailed: string;
  /** The form opens a follow-up of a closed ticket; `number` is formatted (#1042). */
  followUpOf: (number: string) => string;
}

const en: FormWords = {
  heading: 'New ticket',
  intro: 'Tell us what happened. We reply here, and by your plan’s response time.',
  subject: 'Subject',
  subjectHint: 'One line: what is wrong, and where.',
  chooseCategory: 'Choose a category',
  priorityHelp: (plan) => `Priorities your ${plan} plan offers, with the time to a first reply.`,
  target: (duration) => `reply < ${duration}`,
  noTarget: 'no target',
  description: 'Description',
  descriptionHint: 'What you did, what you expected, what happened. Include IDs, links and error messages.',
  submit: 'Open ticket',
  submitting: 'Opening…',
  required: 'required',
  categoryRequired: 'Choose a category.',
  fixFields: 'Check the highlighted fields.',
  notOpened: 'The ticket was not opened. Your text is kept.',
  counter: (used, max) => `${used} / ${max}`,
  planLoadFailed: 'Your plan’s priorities could not be loaded; normal priority is used.',
  followUpOf: (number) => `A follow-up of ticket ${number}.`,
};

const fa: FormWords = {
  heading: 'تیکت جدید',
  intro: 'بگویید چه اتفاقی افتاده است. پاسخ ما همین‌جا و در زمان پاسخ پلن شما می‌رسد.',
  subject: 'عنوان',
  subjectHint: 'در یک خط: چه مشکلی و کجا.',
  chooseCategory: 'یک دسته انتخاب کنید',
  priorityHelp: (plan) => `اولویت‌هایی که پلن ${plan} شما ارائه می‌دهد، با زمان اولین پاسخ.`,
  target: (duration) => `پاسخ کمتر از ${duration}`,
  noTarget: 'بدون زمان تعهدشده',
  description: 'شرح',
  descriptionHint: 'چه کردید، چه انتظاری داشتید و چه شد. شناسه‌ها، پیوندها و پیام‌های خطا را بنویسید.',
  submit: 'ثبت تیکت',
  submitting: 'در حال ثبت…',
  required: 'الزامی',
  categoryRequired: 'یک دسته انتخاب کنید.',
  fixFields: 'فیلدهای مشخص‌شده را بررسی کنید.',
  notOpened: 'تیکت ثبت نشد. متن شما حفظ شده است.',
  counter: (used, max) => `${used} از ${max}`,
  planLoadFailed: 'اولویت‌های پلن شما بارگذاری نشد؛ اولویت معمولی به کار می‌رود.',
  followUpOf: (number) => `پیگیری تیکت ${number}.`,
};

export const FORM_WORDS: Readonly<Record<Lang, FormWords>> = { fa, en };
