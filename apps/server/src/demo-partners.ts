import type { DemoOrganisation } from './demo-data';

// The other organisations of the demo, each on another plan: what the agents' queue holds
// besides the demo customer's tickets.

export function partnerOrganisations(autoCloseHours: number): DemoOrganisation[] {
  return [
    {
      id: 'nova-analytics',
      name: 'Nova Analytics',
      plan: { plan: 'enterprise' },
      people: [
        { sub: 'nova-reza', name: 'Reza Karimi', role: 'org_admin' },
        { sub: 'nova-emily', name: 'Emily Carter', role: 'customer' },
      ],
      tickets: [
        {
          by: 0,
          openedHoursAgo: 0.9,
          category: 'technical',
          priority: 'critical',
          subject: 'Production PostgreSQL cluster unreachable in Tehran-1',
          body: 'Since 09:40 the managed cluster pg-nova-prod refuses connections from every app server.\nError: could not connect to server: Connection timed out',
          steps: [
            { after: 0.3, as: 'agent', do: 'accept' },
            { after: 0.1, as: 'agent', do: 'note', body: 'Network team paged: a security-group change on the managed DB subnet at 09:38 looks related.' },
          ],
        },
        {
          by: 1,
          openedHoursAgo: 1,
          category: 'technical',
          priority: 'high',
          subject: 'Load balancer returns 502 for about half of requests',
          body: 'lb-api-01 returns 502 Bad Gateway for roughly half of the requests since we added two backends. Health checks show every backend healthy.',
        },
        {
          by: 1,
          openedHoursAgo: 26,
          category: 'sales',
          priority: 'normal',
          subject: 'Raise the object storage bucket limit to 200',
          body: 'Our data lake needs one bucket per customer; we will pass the current limit of 100 this month.',
          steps: [{ after: 5, as: 'agent2', do: 'reply', body: 'We can raise the limit to 200 buckets. Please confirm the project ID (it starts with prj-).' }],
        },
        {
          by: 0,
          openedHoursAgo: 40,
          category: 'technical',
          priority: 'low',
          subject: 'Can we keep 30 days of object versions?',
          body: 'Compliance asks us to keep every version of our reports for 30 days. Is that possible on object storage?',
          steps: [
            {
              after: 3,
              as: 'agent',
              do: 'reply',
              body: 'Yes: enable versioning on the bucket and add a lifecycle rule that expires noncurrent versions after 30 days. Docs: https://docs.kubit.ir/object-storage/versioning',
            },
            { after: 2, as: 'customer', do: 'close' },
          ],
        },
      ],
    },
    {
      id: 'parsmarket',
      name: 'پارس‌مارکت',
      plan: { plan: 'sme' },
      people: [
        { sub: 'pm-neda', name: 'ندا رحیمی', role: 'customer' },
        { sub: 'pm-kaveh', name: 'کاوه محمدی', role: 'org_admin' },
      ],
      tickets: [
        {
          by: 0,
          openedHoursAgo: 1.75,
          category: 'technical',
          priority: 'urgent',
          subject: 'پادهای کلاستر کوبرنتیز پس از ارتقا زمان‌بندی نمی‌شوند',
          body: 'بعد از ارتقای کلاستر k8s-parsmarket به نسخهٔ ۱.۳۰ پادهای جدید در وضعیت Pending می‌مانند: 0/6 nodes are available.\nسرویس سفارش‌گیری فروشگاه از کار افتاده است.',
        },
        {
          by: 1,
          openedHoursAgo: 3,
          category: 'financial',
          priority: 'normal',
          subject: 'پرسش دربارهٔ محاسبهٔ هزینهٔ ترافیک خروجی',
          body: 'در صورت‌حساب این ماه ۱٫۸ ترابایت ترافیک خروجی ثبت شده که با آمار ما (حدود ۹۰۰ گیگابایت) نمی‌خواند. لطفاً جزئیات را بفرستید.',
        },
        {
          by: 0,
          openedHoursAgo: 4,
          category: 'technical',
          priority: 'high',
          subject: 'کاهش شدید سرعت دیسک NVMe در دیتاسنتر تهران ۲',
          body: 'از دیروز عصر زمان پاسخ دیسک سرور db-main از ۱ به ۴۰ میلی‌ثانیه رسیده است.',
          steps: [
            { after: 0.5, as: 'agent', do: 'accept' },
            { after: 0.3, as: 'agent', do: 'note', body: 'یک دیسک در آرایهٔ ذخیره‌سازی رک C4 در حال بازسازی است؛ تیم زیرساخت در جریان است.' },
          ],
        },
        {
          by: 1,
          openedHoursAgo: 30,
          category: 'activation',
          priority: 'low',
          subject: 'انتقال مالکیت حساب کاربری به مدیر جدید',
          body: 'مدیر فنی شرکت تغییر کرده است؛ لطفاً مالکیت حساب را به kaveh@parsmarket.example منتقل کنید.',
          steps: [
            { after: 2, as: 'agent2', do: 'reply', body: 'لطفاً نامهٔ رسمی با مهر شرکت را در پاسخ همین تیکت بفرستید.' },
            { after: 20, as: 'customer', do: 'reply', body: 'نامه را از ایمیل رسمی شرکت فرستادیم.' },
            { after: 1, as: 'agent2', do: 'note', body: 'نامه در سامانهٔ مکاتبات با شمارهٔ ۸۸۳۱ ثبت شد.' },
            { after: 0.2, as: 'agent2', do: 'reply', body: 'مالکیت حساب به آقای محمدی منتقل شد.' },
            { after: 0.1, as: 'agent2', do: 'close' },
          ],
        },
      ],
    },
    {
      id: 'kavir-labs',
      name: 'Kavir Labs',
      plan: { plan: 'developer' },
      people: [
        { sub: 'kavir-ali', name: 'علی مرادی', role: 'org_admin' },
        { sub: 'kavir-sam', name: 'Sam Rostami', role: 'customer' },
      ],
      tickets: [
        {
          by: 0,
          openedHoursAgo: 26,
          category: 'technical',
          priority: 'normal',
          subject: 'راه‌اندازی پشتیبان‌گیری خودکار روزانه از دیتابیس',
          body: 'می‌خواهیم هر شب ساعت ۳ از دیتابیس MySQL روی سرور vm-db پشتیبان بگیریم و ۷ نسخهٔ آخر نگه داشته شود. بهترین راه چیست؟',
        },
        {
          by: 1,
          openedHoursAgo: autoCloseHours * 0.6 + 20,
          category: 'technical',
          priority: 'low',
          subject: 'How do I attach a floating IP to an existing VM?',
          body: 'I created a floating IP but the Attach button is greyed out for my VM vm-staging.',
          steps: [
            {
              after: 20,
              as: 'agent',
              do: 'reply',
              body: 'Attach works from Network → Floating IPs once the VM has a NIC on a public network. Does vm-staging have one?',
            },
          ],
        },
        {
          by: 1,
          openedHoursAgo: 8,
          category: 'technical',
          subject: 'Card payment declined when topping up the wallet',
          body: 'Topping up 5,000,000 IRR with our company card fails with “transaction declined”; the bank says the card is fine.',
          steps: [{ after: 0.5, as: 'agent2', do: 'update', change: { category: 'financial' } }],
        },
      ],
    },
    {
      id: 'hamrah-pay',
      name: 'همراه‌پی',
      // A payment provider's own contract: tighter targets around the clock, no low priority.
      plan: { custom: { responseMinutes: { critical: 15, urgent: 45, high: 180, normal: 480 }, hours: '24/7' } },
      people: [{ sub: 'hp-maryam', name: 'مریم صادقی', role: 'org_admin' }],
      tickets: [
        {
          by: 0,
          openedHoursAgo: 2.5,
          category: 'technical',
          priority: 'high',
          subject: 'تأخیر در پاسخ API درگاه پرداخت از سرورهای تهران ۱',
          body: 'میانگین زمان پاسخ سرویس تأیید تراکنش از ۸۰ به ۶۰۰ میلی‌ثانیه رسیده و فقط سرورهای منطقهٔ تهران ۱ درگیرند.',
        },
        {
          by: 0,
          openedHoursAgo: 3,
          category: 'technical',
          priority: 'normal',
          subject: 'قطع اتصال سرورهای اپلیکیشن به Redis در شبکهٔ خصوصی',
          body: 'از ساعت ۱۴ سرورهای app-1 تا app-4 به Redis روی شبکهٔ خصوصی وصل نمی‌شوند و صف پرداخت‌ها پر شده است.',
          steps: [
            { after: 0.2, as: 'agent', do: 'update', change: { priority: 'urgent' } },
            {
              after: 0.3,
              as: 'agent',
              do: 'reply',
              body: 'قانون فایروال شبکهٔ خصوصی که دیروز تغییر کرده بود اصلاح شد. لطفاً اتصال سرورها به Redis را بررسی کنید.',
            },
          ],
        },
        {
          by: 0,
          openedHoursAgo: 1,
          category: 'sales',
          priority: 'normal',
          subject: 'درخواست مشاورهٔ معماری برای استقرار چندمنطقه‌ای',
          body: 'برای سال آینده می‌خواهیم سرویس پرداخت را هم‌زمان در تهران ۱ و تبریز اجرا کنیم. امکان جلسهٔ مشاوره هست؟',
        },
      ],
    },
  ];
}
