import type { Rating } from '@support-tickets/core';
import type { Lang } from '../translations/index';

/** The words of a closed ticket's rating, in its chunk (the main file carries none). */
export interface RatingWords {
  question: string;
  choice: Record<Rating, string>;
  comment: string;
  /** Until when the server takes a rating; `when` is formatted. */
  until: (when: string) => string;
  send: string;
  sending: string;
  rated: Record<Rating, string>;
  /** Refusals of a rating, added to the widget's refusal words when this chunk loads. */
  reasons: { not_closed: string; already_rated: string; rating_expired: string };
}

const en: RatingWords = {
  question: 'How was our support on this ticket?',
  choice: { good: 'Good', bad: 'Bad' },
  comment: 'Anything to add? (optional)',
  until: (when) => `You can rate it until ${when}.`,
  send: 'Send rating',
  sending: 'Sending…',
  rated: { good: 'You rated this ticket good. Thank you.', bad: 'You rated this ticket bad. Thank you; we will look into it.' },
  reasons: {
    not_closed: 'This ticket is not closed.',
    already_rated: 'This ticket has been rated already.',
    rating_expired: 'The time to rate this ticket has passed.',
  },
};

const fa: RatingWords = {
  question: 'پشتیبانی ما در این تیکت چطور بود؟',
  choice: { good: 'خوب', bad: 'بد' },
  comment: 'توضیحی دارید؟ (اختیاری)',
  until: (when) => `تا ${when} می‌توانید امتیاز بدهید.`,
  send: 'ثبت امتیاز',
  sending: 'در حال ثبت…',
  rated: { good: 'به این تیکت امتیاز «خوب» دادید. سپاسگزاریم.', bad: 'به این تیکت امتیاز «بد» دادید. سپاسگزاریم؛ آن را بررسی می‌کنیم.' },
  reasons: {
    not_closed: 'این تیکت بسته نشده است.',
    already_rated: 'به این تیکت پیش‌تر امتیاز داده شده است.',
    rating_expired: 'مهلت امتیاز دادن به این تیکت گذشته است.',
  },
};

export const RATING_WORDS: Record<Lang, RatingWords> = { fa, en };
