// The demo host page: a partner panel that embeds <support-tickets>. Plain script, no build.
// Tokens come from the server's demo endpoint, GET /demo/token?role=… → { token }.

const widget = document.getElementById('support');
const controls = document.querySelector('.controls');
const stage = document.querySelector('.stage');
const log = document.getElementById('event-log');

const PAGE_TEXT = {
  fa: {
    skip: 'رفتن به محتوا',
    panel: 'پنل همکاران',
    company: 'آرمان‌ابر',
    navLabel: 'منوی پنل',
    navDashboard: 'داشبورد',
    navServers: 'سرورها',
    navNetwork: 'شبکه',
    navBilling: 'صورت‌حساب',
    navSupport: 'پشتیبانی',
    title: 'پشتیبانی',
    lead: 'تیکت‌های مشتریان شما، همان‌طور که در پنل خودتان دیده می‌شوند.',
    controls: 'تنظیمات نمایش',
    role: 'نقش',
    roleCustomer: 'مشتری',
    roleAdmin: 'مدیر سازمان',
    roleAgent: 'کارشناس',
    language: 'زبان',
    theme: 'پوسته',
    themeSystem: 'سیستم',
    themeLight: 'روشن',
    themeDark: 'تیره',
    themeBrand: 'برند Kubit',
    layout: 'چیدمان',
    layoutPage: 'تمام صفحه',
    layoutSidebar: 'ستون کناری',
    widgetRegion: 'تیکت‌های پشتیبانی',
    footer: 'مشکل فوری دارید؟ با ۰۲۱-۹۱۰۰۹۱۰۰ تماس بگیرید · وضعیت سرویس‌ها: status.kubit.ir',
    logTitle: 'رویدادهای ویجت',
    logHint: 'صفحهٔ میزبان به این رویدادها گوش می‌دهد.',
    tokenFailed: 'توکن نمایشی دریافت نشد',
  },
  en: {
    skip: 'Skip to content',
    panel: 'Partner panel',
    company: 'Arman Cloud',
    navLabel: 'Panel menu',
    navDashboard: 'Dashboard',
    navServers: 'Servers',
    navNetwork: 'Network',
    navBilling: 'Billing',
    navSupport: 'Support',
    title: 'Support',
    lead: 'Your customers’ tickets, as they see them in your own panel.',
    controls: 'Display settings',
    role: 'Role',
    roleCustomer: 'Customer',
    roleAdmin: 'Org admin',
    roleAgent: 'Agent',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeBrand: 'Kubit brand',
    layout: 'Layout',
    layoutPage: 'Full page',
    layoutSidebar: 'Sidebar',
    widgetRegion: 'Support tickets',
    footer: 'Something urgent? Call 021-91009100 · Service status: status.kubit.ir',
    logTitle: 'Widget events',
    logHint: 'The host page listens to these events.',
    tokenFailed: 'Could not get a demo token',
  },
};

const params = new URLSearchParams(location.search);
const state = {
  role: pick(params.get('role'), ['customer', 'org_admin', 'agent'], 'customer'),
  lang: pick(params.get('lang'), ['fa', 'en'], 'fa'),
  theme: pick(params.get('theme'), ['system', 'light', 'dark', 'kubit'], 'system'),
  layout: pick(params.get('layout'), ['page', 'sidebar'], 'page'),
};

function pick(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

async function fetchToken(role) {
  const response = await fetch(`/demo/token?role=${encodeURIComponent(role)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${PAGE_TEXT[state.lang].tokenFailed} (${response.status})`);
  const { token } = await response.json();
  return token;
}

// The widget asks for a fresh token through this when the API says the old one expired.
widget.getToken = () => fetchToken(state.role);

async function applyRole() {
  try {
    widget.token = await fetchToken(state.role);
  } catch (error) {
    addLog('error', String(error.message ?? error));
  }
}

function applyLang() {
  const text = PAGE_TEXT[state.lang];
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === 'fa' ? 'rtl' : 'ltr';
  document.title = `Kubit · ${text.panel} · ${text.title}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = text[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', text[el.dataset.i18nLabel]);
  widget.setAttribute('lang', state.lang);
}

function applyTheme() {
  document.documentElement.dataset.theme = state.theme;
}

function applyLayout() {
  stage.dataset.layout = state.layout;
}

function syncControls() {
  for (const [name, value] of Object.entries(state)) {
    const input = controls.querySelector(`input[name="${name}"][value="${value}"]`);
    if (input) input.checked = true;
  }
}

function remember() {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(state)) url.searchParams.set(name, value);
  history.replaceState(null, '', url);
}

controls.addEventListener('change', (event) => {
  const { name, value } = event.target;
  if (!(name in state)) return;
  state[name] = value;
  remember();
  if (name === 'role') void applyRole();
  if (name === 'lang') applyLang();
  if (name === 'theme') applyTheme();
  if (name === 'layout') applyLayout();
});

function addLog(name, summary) {
  const item = document.createElement('li');
  const time = new Date().toLocaleTimeString(state.lang === 'fa' ? 'fa-IR' : 'en-US');
  item.innerHTML = '<code></code> <span></span> <time></time>';
  item.querySelector('code').textContent = name;
  item.querySelector('span').textContent = summary;
  item.querySelector('time').textContent = time;
  log.prepend(item);
}

for (const name of ['support-ticket-created', 'support-ticket-replied', 'support-ticket-closed', 'support-error']) {
  widget.addEventListener(name, (event) => {
    const { ticket, error } = event.detail;
    addLog(name, ticket ? `${ticket.subject} (${ticket.status})` : `${error.code}: ${error.message}`);
  });
}

syncControls();
applyLang();
applyTheme();
applyLayout();
void applyRole();
