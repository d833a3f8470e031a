import type { PlanId } from './domain';

/** A wording in each language of the product. */
export interface Wording {
  fa: string;
  en: string;
}

/**
 * The seed's last row of the plan table, "architecture guidance" (راهنمایی معماری), per plan.
 * A custom plan is agreed case by case, so it has none of its own.
 */
export const ARCHITECTURE_GUIDANCE: Record<PlanId, Wording> = {
  enterprise: {
    fa: 'بررسی مشورتی و راهنمایی براساس برنامه‌های مشتری',
    en: 'Consultative review and guidance based on the customer’s plans',
  },
  sme: {
    fa: 'بررسی مشورتی و راهنمایی براساس برنامه‌های مشتری (یک‌بار در سال)',
    en: 'Consultative review and guidance based on the customer’s plans (once a year)',
  },
  business: { fa: 'مطابق با موارد موردنیاز مشتری', en: 'As the customer needs' },
  developer: { fa: 'عمومی', en: 'General' },
};
