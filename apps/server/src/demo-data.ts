import type { RouterInputs } from '@support-tickets/server';
import { partnerOrganisations } from './demo-partners';
import { DEMO_USERS } from './routes';

// What the demo shows on its first start: organisations on every kind of plan, their people,
// and tickets in both languages whose histories put them in every status and SLA state.
// Times count back from the moment of seeding, so the SLA states hold when the page opens.

type TicketInput = RouterInputs['ticket']['create'];
/** `Omit` for each member of a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Agent = 'agent' | 'agent2';

export const DEMO_AGENTS = {
  agent: DEMO_USERS.agent,
  agent2: { sub: 'agent-sara', role: 'agent', name: 'Sara Ahmadi' },
} as const;

export type DemoStep = { after: number } & (
  | { as: Agent | 'customer'; do: 'reply'; body: string }
  | { as: Agent; do: 'note'; body: string }
  | { as: Agent; do: 'accept' }
  | { as: Agent | 'customer'; do: 'close' }
  | { as: Agent; do: 'update'; change: Omit<RouterInputs['ticket']['update'], 'id'> }
);

export interface DemoTicket extends TicketInput {
  /** Which of the organisation's people opens it (index into `people`). */
  by: number;
  openedHoursAgo: number;
  /** What follows, in order; `after` counts hours from the step before (or the opening). */
  steps?: DemoStep[];
  /** Left waiting on the customer until the server closes it by itself. */
  autoClosed?: true;
}

export interface DemoOrganisation {
  id: string;
  name: string;
  plan: Without<RouterInputs['org']['setPlan'], 'orgId'>;
  people: Array<{ sub: string; name: string; role: 'customer' | 'org_admin' }>;
  tickets: DemoTicket[];
}

/** The demo's organisations; `autoCloseHours` is the server's delay before closing unanswered tickets. */
export function demoOrganisations(autoCloseHours: number): DemoOrganisation[] {
  return [demoCustomerOrganisation(autoCloseHours), ...partnerOrganisations(autoCloseHours)];
}

/** The organisation of the demo page's customer and org admin. */
function demoCustomerOrganisation(autoCloseHours: number): DemoOrganisation {
  const customer = DEMO_USERS.customer;
  return {
    id: customer.org,
    name: customer.orgName,
    plan: { plan: 'business' },
    people: [
      { sub: customer.sub, name: customer.name, role: 'customer' },
      { sub: DEMO_USERS.org_admin.sub, name: DEMO_USERS.org_admin.name, role: 'org_admin' },
    ],
    tickets: [
      {
        by: 0,
        openedHoursAgo: 3,
        category: 'technical',
        priority: 'urgent',
        subject: 'سرور vm-web-2 بعد از ری‌استارت بالا نمی‌آید',
        body: 'سلام،\nدیشب سرور vm-web-2 را از پنل ری‌استارت کردم و از آن موقع به پینگ جواب نمی‌دهد. کنسول VNC فقط صفحهٔ سیاه نشان می‌دهد.\nIP: 185.143.72.18',
      },
      {
        by: 0,
        openedHoursAgo: 6.7,
        category: 'technical',
        priority: 'high',
        subject: 'Kubernetes node pool stuck in “Scaling” for hours',
        body: 'Node pool np-batch in cluster k8s-prod has been “Scaling” since this morning. Two nodes are NotReady and new pods stay Pending.\nCluster ID: kc-5821',
      },
      {
        by: 0,
        openedHoursAgo: 1.5,
        category: 'financial',
        priority: 'normal',
        subject: 'درخواست فاکتور رسمی برای خرید فضای ذخیره‌سازی ابری',
        body: 'برای ثبت در حسابداری شرکت، فاکتور رسمی با کد اقتصادی برای سفارش ۱۴۰۵-۰۳۲۱ (۲ ترابایت فضای ذخیره‌سازی اشیا) لازم داریم.',
      },
      {
        by: 0,
        openedHoursAgo: 5,
        category: 'technical',
        priority: 'normal',
        subject: 'Object storage bucket returns 403 through the CDN',
        body: 'Files in bucket static-assets load with the direct URL but return 403 Forbidden when served through our CDN domain cdn.arman.example.',
        steps: [
          { after: 1, as: 'agent2', do: 'accept' },
          { after: 0.2, as: 'agent2', do: 'note', body: 'Reproduced: the bucket policy denies s3:GetObject to the CDN origin. Checking the policy history with the storage team.' },
        ],
      },
      {
        by: 0,
        openedHoursAgo: 10,
        category: 'technical',
        priority: 'high',
        subject: 'رکوردهای DNS دامنهٔ shop.example.ir اعمال نمی‌شوند',
        body: 'رکورد A جدید را سه ساعت پیش در پنل DNS ثبت کردم ولی هنوز آدرس قبلی برمی‌گردد.',
        steps: [
          {
            after: 6,
            as: 'agent',
            do: 'reply',
            body: 'سلام، رکوردهای NS دامنه هنوز به سرورهای نام قبلی اشاره می‌کنند. لطفاً در پنل ثبت‌کنندهٔ دامنه آن‌ها را به ns1.kubit.ir و ns2.kubit.ir تغییر دهید و نتیجه را همین‌جا بنویسید.',
          },
        ],
      },
      {
        by: 0,
        openedHoursAgo: autoCloseHours * 0.6 + 3,
        category: 'sales',
        priority: 'low',
        subject: 'Raise block storage quota in Tehran-2 by 4 TB',
        body: 'We are migrating our analytics database next week and need 4 TB more block storage in Tehran-2.',
        steps: [{ after: 3, as: 'agent', do: 'reply', body: 'Sure. Which project should get the extra 4 TB? Once you confirm, we apply it within the hour.' }],
      },
      {
        by: 0,
        openedHoursAgo: 76,
        category: 'technical',
        priority: 'normal',
        subject: 'خطای CORS هنگام آپلود مستقیم فایل به باکت',
        body: 'آپلود مستقیم از مرورگر به باکت uploads با خطای CORS متوقف می‌شود. دامنهٔ ما app.arman.example است.',
        steps: [
          { after: 2, as: 'agent', do: 'reply', body: 'قوانین CORS باکت را برای دامنهٔ شما به‌روز کردیم؛ لطفاً دوباره امتحان کنید.' },
          { after: 3, as: 'customer', do: 'reply', body: 'درست شد، ممنون از پیگیری‌تان!' },
          { after: 0.1, as: 'customer', do: 'close' },
        ],
      },
      {
        by: 0,
        openedHoursAgo: autoCloseHours + 30,
        category: 'technical',
        priority: 'normal',
        subject: 'Snapshot restore fails with “volume busy”',
        body: 'Restoring snapshot snap-2291 onto vol-db-01 fails with “volume busy”, even with the VM stopped.',
        steps: [
          {
            after: 2,
            as: 'agent',
            do: 'reply',
            body: 'We restored snap-2291 to a new volume, vol-restore-01. Could you attach it and check that your data is there?',
          },
        ],
        autoClosed: true,
      },
      {
        by: 0,
        openedHoursAgo: 9,
        category: 'technical',
        priority: 'normal',
        subject: 'گواهی SSL برای دامنهٔ CDN صادر نمی‌شود',
        body: 'درخواست گواهی رایگان برای static.arman.example از دیروز در وضعیت «در انتظار اعتبارسنجی» مانده است.',
        steps: [
          { after: 2, as: 'agent', do: 'reply', body: 'رکورد CNAME اعتبارسنجی پیدا نشد. آیا رکورد _acme-challenge را اضافه کرده‌اید؟' },
          { after: 6, as: 'customer', do: 'reply', body: 'بله، همین الان اضافه کردم. لطفاً دوباره بررسی کنید.' },
        ],
      },
      {
        by: 1,
        openedHoursAgo: 20,
        category: 'financial',
        priority: 'normal',
        subject: 'Invoice for March charged twice',
        body: 'Invoice INV-1405-0112 was paid twice from our wallet on the same day. Please refund the duplicate payment.',
        steps: [
          { after: 1, as: 'agent', do: 'accept' },
          { after: 0.5, as: 'agent', do: 'note', body: 'Gateway log: the second charge is pending, not settled. Refund REF-8812 opened with billing.' },
        ],
      },
      {
        by: 1,
        openedHoursAgo: 50,
        category: 'activation',
        priority: 'low',
        subject: 'فعال‌سازی دسترسی API برای همکار جدید',
        body: 'لطفاً دسترسی API را برای حساب nazanin@arman.example فعال کنید.',
        steps: [
          { after: 4, as: 'agent2', do: 'reply', body: 'دسترسی API فعال شد. کلید را از بخش «کلیدهای API» پنل بسازید.' },
          { after: 0.2, as: 'agent2', do: 'close' },
        ],
      },
    ],
  };
}
