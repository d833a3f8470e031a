import type { Lang } from '../../../translations/index';

/** The plan table's words, in its chunk: the main file carries none of them. */
export interface PlanTableWords {
  heading: string;
  yourPlan: (plan: string) => string;
  customPlan: string;
  caption: string;
  current: string;
  hours: string;
  /** The seed's last row: the architecture guidance each plan includes. */
  guidance: string;
  tableLabel: string;
  loadFailed: string;
}

export const PLAN_TABLE_WORDS: Record<Lang, PlanTableWords> = {
  fa: {
    heading: 'پلن‌های پشتیبانی',
    yourPlan: (plan) => `سازمان شما روی پلن ${plan} است.`,
    customPlan: 'سازمان شما پلن سفارشی دارد.',
    caption: 'زمان اولین پاسخ پشتیبانی بر اساس اولویت',
    current: 'پلن شما',
    hours: 'ساعات پشتیبانی فنی',
    tableLabel: 'مقایسهٔ پلن‌ها (قابل پیمایش)',
    loadFailed: 'پلن‌ها بارگذاری نشد.',
    guidance: 'راهنمایی معماری',
  },
  en: {
    heading: 'Support plans',
    yourPlan: (plan) => `Your organisation is on the ${plan} plan.`,
    customPlan: 'Your organisation has a custom plan.',
    caption: 'Time to a first reply from support, by priority',
    current: 'Your plan',
    hours: 'Technical support hours',
    tableLabel: 'Plan comparison (scrollable)',
    loadFailed: 'The plans could not be loaded.',
    guidance: 'Architecture guidance',
  },
};
