import type { Translation } from './types';

/** Characters no text may hold, whichever field it is in. */
const unstorable = {
  nul: () => 'متن یک نویسهٔ نامرئی NUL دارد؛ آن را پاک کنید.',
  lone_surrogate: () => 'متن یک نویسهٔ خراب دارد؛ دوباره تایپش کنید.',
};

export const fa: Translation = {
  intlLocale: 'fa-IR-u-ca-persian-nu-arabext',
  dir: 'rtl',
  unitJoiner: ' و ',
  joiner: '، ',

  widgetLabel: 'پشتیبانی',
  loading: 'در حال بارگذاری…',
  retry: 'تلاش دوباره',
  cancel: 'انصراف',
  saving: 'در حال ذخیره…',
  backToTickets: 'همهٔ تیکت‌ها',
  updated: (relative) => `به‌روزرسانی ${relative}`,
  yourClock: (zone) => `به وقت شما، ${zone}`,
  target: (duration) => `کمتر از ${duration}`,
  text: {
    subject: {
      empty: () => 'عنوان را بنویسید.',
      too_long: (max) => `عنوان باید کمتر از ${max} نویسه باشد.`,
      ...unstorable,
    },
    body: {
      empty: () => 'مشکل را شرح دهید.',
      too_long: (max) => `شرح باید کمتر از ${max} نویسه باشد.`,
      ...unstorable,
    },
  },

  errors: {
    unauthorized: 'نشست شما منقضی شده است. دوباره وارد شوید و سپس تلاش کنید.',
    forbidden: 'حساب شما اجازهٔ این کار را ندارد. با مدیر سازمان خود هماهنگ کنید.',
    notFound: 'این تیکت وجود ندارد یا متعلق به شخص دیگری است.',
    network: 'دسترسی به سرویس پشتیبانی ممکن نیست. اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.',
    server: 'مشکلی در سمت ما پیش آمد. چند لحظهٔ دیگر دوباره تلاش کنید.',
    noToken: 'برای دیدن تیکت‌های پشتیبانی وارد حساب خود شوید.',
    badToken: 'توکن ورود خوانا نیست. دوباره وارد شوید.',
    refused: 'انجام نشد:',
    reasons: {
      ticket_closed: 'این تیکت بسته شده و دیگر تغییر نمی‌کند. برای ادامه، تیکت تازه‌ای باز کنید.',
      priority_unavailable: (plan, priority, offered) => `پلن ${plan} اولویت «${priority}» را ارائه نمی‌دهد؛ اولویت‌های این پلن: ${offered}.`,
      already_accepted: 'این تیکت را پیش‌تر پذیرفته‌اید.',
      nothing_to_change: 'اولویت و دستهٔ تیکت همین حالا همین است؛ چیزی تغییر نکرد.',
      ticket_busy: 'هم‌زمان دیگران هم این تیکت را تغییر می‌دهند. چند لحظهٔ دیگر دوباره تلاش کنید.',
      rate_limited: (wait) => `در زمانی کوتاه درخواست‌های زیادی فرستاده شد. ${wait} صبر کنید و سپس دوباره تلاش کنید.`,
    },
  },

  nav: { label: 'بخش‌های پشتیبانی', tickets: 'تیکت‌ها', plans: 'پلن‌های پشتیبانی', newTicket: 'تیکت جدید' },
  field: { status: 'وضعیت', priority: 'اولویت', category: 'دسته', plan: 'پلن' },
  all: { status: 'همهٔ وضعیت‌ها', priority: 'همهٔ اولویت‌ها', category: 'همهٔ دسته‌ها', plan: 'همهٔ پلن‌ها' },
  hours: { '24/7': '۲۴/۷', business: 'ساعات کاری' },
  actor: { you: 'شما', colleague: 'همکار شما', customer: 'مشتری', support: 'پشتیبانی', system: 'سامانه' },
  closedBy: { customer: 'به درخواست بسته شد', agent: 'پشتیبانی آن را بست', system: 'به دلیل بی‌پاسخ ماندن خودکار بسته شد' },
  events: {
    created: (actor) => `${actor} تیکت را ثبت کرد`,
    accepted: (actor) => `${actor} بررسی تیکت را پذیرفت`,
    assigned: (actor) => `به ${actor} واگذار شد`,
    replied: (actor) => `${actor} پاسخ داد`,
    note_added: (actor) => `${actor} یادداشت داخلی نوشت`,
    status_changed: (_actor, _from, to) => `وضعیت: ${to}`,
    priority_changed: (_actor, from, to) => `اولویت: ${from} ← ${to}`,
    category_changed: (_actor, from, to) => `دسته: ${from} ← ${to}`,
    plan_changed: (_actor, _from, to) => `پلن به ${to} تغییر کرد`,
    closed: (actor) => `${actor} تیکت را بست`,
    auto_close_warning: () => 'یادآوری: بی‌پاسخ، خودکار بسته می‌شود',
  },

  list: {
    heading: 'تیکت‌های شما',
    orgHeading: 'تیکت‌های سازمان شما',
    filters: 'فیلتر تیکت‌ها',
    search: 'جستجو در تیکت‌ها و پیام‌ها',
    searchPlaceholder: 'واژه‌ای از عنوان یا پیام',
    clearFilters: 'پاک کردن فیلترها',
    emptyTitle: 'هنوز تیکتی ندارید',
    emptyBody: 'هر وقت به کمک ما نیاز داشتید تیکت باز کنید. پاسخ‌های ما همین‌جا نمایش داده می‌شود.',
    emptyFilteredTitle: 'تیکتی پیدا نشد',
    emptyFilteredBody: 'وضعیت دیگری را انتخاب کنید، کلمات کمتری بنویسید یا فیلترها را پاک کنید.',
    loadMore: 'نمایش تیکت‌های بیشتر',
    loadingMore: 'در حال بارگذاری…',
    shown: (_n, count) => `${count} تیکت نمایش داده شده`,
    allShown: (n, count) => (n === 1 ? 'تنها تیکت شما' : `همهٔ ${count} تیکت نمایش داده شده`),
    by: (name) => `از طرف ${name}`,
    loadFailed: 'تیکت‌های شما بارگذاری نشد.',
  },

  sla: {
    reading: {
      on_track: (duration) => `مهلت پاسخ: ${duration} دیگر`,
      at_risk: (duration) => `مهلت پاسخ: ${duration} دیگر`,
      breached: (duration) => `${duration} از مهلت پاسخ گذشته`,
      paused: () => 'پاسخ داده شد — در انتظار شما',
      met: () => 'به‌موقع پاسخ داده شد',
      missed: () => 'با تأخیر پاسخ داده شد',
      none: () => 'بدون زمان پاسخ تعهدشده',
    },
    waitingOnColleague: 'پاسخ داده شد — در انتظار همکارتان',
    dueNow: 'مهلت پاسخ همین حالا است',
    dueAt: (dateTime) => `مهلت پاسخ: ${dateTime}`,
  },

  detail: {
    arrived: (author, body) => `پاسخ تازه از ${author}: ${body}`,
    loadingHeading: 'در حال بارگذاری تیکت…',
    facts: 'مشخصات تیکت',
    opened: 'ثبت',
    updated: 'آخرین به‌روزرسانی',
    openedBy: 'ثبت‌کننده',
    reference: 'شماره',
    resources: 'منابع',
    response: 'مهلت پاسخ',
    autoClose: (relative) =>
      `پشتیبانی پاسخ داده است. اگر هنوز به کمک نیاز دارید پاسخ دهید؛ وگرنه این تیکت ${relative} خودبه‌خود بسته می‌شود.`,
    conversation: 'گفتگو',
    noMessages: 'هنوز پیامی نیست.',
    earlier: 'نمایش پیام‌های قبلی',
    earlierLoading: 'در حال بارگذاری پیام‌های قبلی…',
    timeline: 'رویدادها',
  },

  composer: {
    label: 'پاسخ شما',
    hint: 'Ctrl+Enter برای ارسال',
    hintMac: '⌘+Enter برای ارسال',
    send: 'ارسال پاسخ',
    sending: 'در حال ارسال…',
    failed: 'پاسخ شما ارسال نشد. متن شما حفظ شده است؛ دوباره تلاش کنید.',
    empty: 'ابتدا چیزی بنویسید.',
  },

  close: {
    action: 'بستن تیکت',
    confirm: 'این تیکت بسته شود؟ تیکت بسته دوباره باز نمی‌شود؛ می‌توانید تیکت جدید باز کنید.',
    yes: 'بله، بسته شود',
    no: 'باز بماند',
    closing: 'در حال بستن…',
    failed: 'تیکت بسته نشد.',
  },

  closed: {
    notice: (when) => `این تیکت ${when} بسته شد و دیگر پاسخ نمی‌پذیرد.`,
    newTicket: 'باز کردن تیکت جدید',
    draftKept: 'پاسخ فرستاده‌نشدهٔ شما نگه داشته شد:',
    followUp: 'فرستادن آن در یک تیکت پیگیری',
  },

  plans: { notOffered: 'ارائه نمی‌شود' },

  units: { second: (n) => `${n} ثانیه`, minute: (n) => `${n} دقیقه`, hour: (n) => `${n} ساعت`, day: (n) => `${n} روز` },
};
