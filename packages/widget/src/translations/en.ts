import type { Translation } from './types';

/** Characters no text may hold, whichever field it is in. */
const unstorable = {
  nul: () => 'The text holds an invisible NUL character; remove it.',
  lone_surrogate: () => 'The text holds a broken character; type it again.',
};

export const en: Translation = {
  intlLocale: 'en-US',
  dir: 'ltr',
  unitJoiner: ' ',
  joiner: ' · ',

  widgetLabel: 'Support',
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  saving: 'Saving…',
  backToTickets: 'All tickets',
  updated: (relative) => `Updated ${relative}`,
  yourClock: (zone) => `your time, ${zone}`,
  target: (duration) => `< ${duration}`,
  text: {
    subject: {
      empty: () => 'Write a subject.',
      too_long: (max) => `Keep the subject under ${max} characters.`,
      ...unstorable,
    },
    body: {
      empty: () => 'Describe the problem.',
      too_long: (max) => `Keep the description under ${max} characters.`,
      ...unstorable,
    },
  },

  errors: {
    unauthorized: 'Your session has expired. Sign in again, then try again.',
    forbidden: 'Your account is not allowed to do this. Ask your organisation’s admin.',
    notFound: 'This ticket does not exist, or it belongs to someone else.',
    network: 'The support service cannot be reached. Check your connection and try again.',
    server: 'Something went wrong on our side. Try again in a moment.',
    noToken: 'Sign in to see your support tickets.',
    badToken: 'The sign-in token could not be read. Sign in again.',
    refused: 'Not done:',
    reasons: {
      ticket_closed: 'This ticket is closed and can no longer change. Open a new ticket to go on.',
      priority_unavailable: (plan, priority, offered) => `The ${plan} plan does not offer ${priority} priority; it offers ${offered}.`,
      already_accepted: 'You have already accepted this ticket.',
      nothing_to_change: 'The ticket already has this priority and category; nothing changed.',
      ticket_busy: 'Others are changing this ticket at the same moment. Try again in a little while.',
      rate_limited: (wait) => `Too many requests in a short time. Wait ${wait}, then try again.`,
    },
  },

  nav: { label: 'Support sections', tickets: 'Tickets', plans: 'Support plans', newTicket: 'New ticket' },
  field: { status: 'Status', priority: 'Priority', category: 'Category', plan: 'Plan' },
  all: { status: 'All statuses', priority: 'All priorities', category: 'All categories', plan: 'All plans' },
  hours: { '24/7': '24/7', business: 'Business hours' },
  actor: { you: 'You', colleague: 'Your colleague', customer: 'Customer', support: 'Support', system: 'System' },
  closedBy: { customer: 'Closed on request', agent: 'Closed by support', system: 'Closed automatically after no reply' },
  events: {
    created: (actor) => `${actor} opened the ticket`,
    accepted: (actor) => `${actor} took the ticket`,
    assigned: (actor) => `Assigned to ${actor}`,
    replied: (actor) => `${actor} replied`,
    note_added: (actor) => `${actor} added an internal note`,
    status_changed: (_actor, _from, to) => `Status: ${to}`,
    priority_changed: (_actor, from, to) => `Priority: ${from} → ${to}`,
    category_changed: (_actor, from, to) => `Category: ${from} → ${to}`,
    plan_changed: (_actor, _from, to) => `Plan changed to ${to}`,
    closed: (actor) => `${actor} closed the ticket`,
    auto_close_warning: () => 'Reminder: it closes by itself without a reply',
  },

  list: {
    heading: 'Your tickets',
    orgHeading: 'Your organisation’s tickets',
    filters: 'Filter tickets',
    search: 'Search tickets and messages',
    searchPlaceholder: 'Words from a subject or a message',
    clearFilters: 'Clear filters',
    emptyTitle: 'No tickets yet',
    emptyBody: 'When something needs our help, open a ticket. Our answers will appear here.',
    emptyFilteredTitle: 'No tickets match',
    emptyFilteredBody: 'Try another status or fewer words, or clear the filters.',
    loadMore: 'Load more tickets',
    loadingMore: 'Loading more…',
    shown: (n, count) => (n === 1 ? '1 ticket shown' : `${count} tickets shown`),
    allShown: (n, count) => (n === 1 ? 'Your only ticket' : `All ${count} tickets shown`),
    by: (name) => `by ${name}`,
    loadFailed: 'Your tickets could not be loaded.',
  },

  sla: {
    reading: {
      on_track: (duration) => `Reply due in ${duration}`,
      at_risk: (duration) => `Reply due in ${duration}`,
      breached: (duration) => `Overdue by ${duration}`,
      paused: () => 'Answered — waiting on you',
      met: () => 'Answered in time',
      missed: () => 'Answered late',
      none: () => 'No response target',
    },
    waitingOnColleague: 'Answered — waiting on your colleague',
    dueNow: 'Reply due now',
    dueAt: (dateTime) => `Reply due ${dateTime}`,
  },

  detail: {
    arrived: (author, body) => `New reply from ${author}: ${body}`,
    loadingHeading: 'Loading ticket…',
    facts: 'Ticket details',
    opened: 'Opened',
    updated: 'Last update',
    openedBy: 'Opened by',
    reference: 'Number',
    resources: 'Resources',
    response: 'Reply due',
    autoClose: (relative) =>
      `Support has answered. Reply if you still need help — otherwise this ticket closes by itself ${relative}.`,
    conversation: 'Conversation',
    noMessages: 'No messages yet.',
    earlier: 'Show earlier messages',
    earlierLoading: 'Loading earlier messages…',
    timeline: 'Timeline',
  },

  composer: {
    label: 'Your reply',
    hint: 'Ctrl+Enter sends',
    hintMac: '⌘+Enter sends',
    send: 'Send reply',
    sending: 'Sending…',
    failed: 'Your reply was not sent. Your text is kept; try again.',
    empty: 'Write something first.',
  },

  close: {
    action: 'Close ticket',
    confirm: 'Close this ticket? A closed ticket cannot be reopened; you can open a new one.',
    yes: 'Yes, close it',
    no: 'Keep it open',
    closing: 'Closing…',
    failed: 'The ticket was not closed.',
  },

  closed: {
    notice: (when) => `This ticket was closed ${when}. Replies are no longer possible.`,
    newTicket: 'Open a new ticket',
    draftKept: 'Your unsent reply is kept:',
    followUp: 'Send it in a follow-up ticket',
  },

  plans: { notOffered: 'Not offered' },

  units: { second: (n) => `${n} s`, minute: (n) => `${n} min`, hour: (n) => `${n} h`, day: (n) => `${n} d` },
};
