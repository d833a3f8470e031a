import type { Category, PlanId, Priority, Status } from './domain';

/** The product's languages; a person without one reads Persian. */
export const LOCALES = ['fa', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fa';

/** Human labels for the domain's ids, in the two languages of the product. */
export interface DomainLabels {
  status: Record<Status, string>;
  priority: Record<Priority, string>;
  category: Record<Category, string>;
  plan: Record<PlanId | 'custom', string>;
}

export const LABELS: Readonly<Record<Locale, DomainLabels>> = {
  fa: {
    status: {
      awaiting_response: 'منتظر پاسخ',
      in_progress: 'در حال انجام',
      awaiting_customer: 'در انتظار مشتری',
      closed: 'بسته',
    },
    priority: { critical: 'حیاتی', urgent: 'فوری', high: 'بالا', normal: 'معمولی', low: 'پایین' },
    category: { activation: 'فعال‌سازی', technical: 'فنی', financial: 'مالی', sales: 'فروش' },
    plan: { enterprise: 'سازمانی', sme: 'پیشرفته', business: 'متوسط', developer: 'پایه', custom: 'سفارشی' },
  },
  en: {
    status: {
      awaiting_response: 'Awaiting response',
      in_progress: 'In progress',
      awaiting_customer: 'Awaiting customer',
      closed: 'Closed',
    },
    priority: { critical: 'Critical', urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
    category: { activation: 'Activation', technical: 'Technical', financial: 'Financial', sales: 'Sales' },
    plan: { enterprise: 'Enterprise', sme: 'SME', business: 'Business', developer: 'Developer', custom: 'Custom' },
  },
};
