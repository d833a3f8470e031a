/** Who a timeline entry or message is attributed to, as the customer reads it. */
export type ActorKind = 'you' | 'colleague' | 'support' | 'system';

/**
 * Every user-visible string of the widget. Domain labels (statuses, priorities, categories,
 * plans) come from `@support-tickets/core` `LABELS`; everything else lives in these tables.
 */
export interface Translation {
  /** BCP 47 tag handed to `Intl` (calendar and numbering system included). */
  intlLocale: string;
  dir: 'ltr' | 'rtl';
  /** Joins a list of values, e.g. "2 h 30 min". */
  unitJoiner: string;

  widgetLabel: string;
  loading: string;
  retry: string;
  cancel: string;
  backToTickets: string;

  errors: {
    unauthorized: string;
    forbidden: string;
    notFound: string;
    network: string;
    server: string;
    noToken: string;
    badToken: string;
    /** Prefix for a refusal that the server explains itself. */
    refused: string;
  };

  nav: { label: string; tickets: string; plans: string; newTicket: string };

  list: {
    heading: string;
    orgHeading: string;
    filters: string;
    status: string;
    allStatuses: string;
    search: string;
    searchPlaceholder: string;
    clearFilters: string;
    emptyTitle: string;
    emptyBody: string;
    emptyFilteredTitle: string;
    emptyFilteredBody: string;
    loadMore: string;
    loadingMore: string;
    /** `n` picks the plural; `count` is `n` formatted. */
    shown: (n: number, count: string) => string;
    allShown: (n: number, count: string) => string;
    updated: (relative: string) => string;
    by: (name: string) => string;
    loadFailed: string;
  };

  sla: {
    dueIn: (duration: string) => string;
    dueNow: string;
    overdueBy: (duration: string) => string;
    waitingOnYou: string;
    met: string;
    missed: string;
    none: string;
    dueAt: (dateTime: string) => string;
  };

  form: {
    heading: string;
    intro: string;
    subject: string;
    subjectHint: string;
    category: string;
    chooseCategory: string;
    priority: string;
    priorityHelp: (plan: string) => string;
    target: (duration: string) => string;
    noTarget: string;
    description: string;
    descriptionHint: string;
    submit: string;
    submitting: string;
    required: string;
    subjectRequired: string;
    subjectTooLong: (max: string) => string;
    categoryRequired: string;
    bodyRequired: string;
    bodyTooLong: (max: string) => string;
    fixFields: string;
    notOpened: string;
    counter: (used: string, max: string) => string;
    planLoadFailed: string;
  };

  detail: {
    loadingHeading: string;
    facts: string;
    priority: string;
    category: string;
    opened: string;
    updated: string;
    openedBy: string;
    reference: string;
    response: string;
    autoClose: (relative: string) => string;
    conversation: string;
    noMessages: string;
    timeline: string;
    actor: Record<ActorKind, string>;
  };

  events: {
    created: (actor: string) => string;
    accepted: (actor: string) => string;
    assigned: (actor: string) => string;
    replied: (actor: string) => string;
    note_added: (actor: string) => string;
    status_changed: (to: string) => string;
    priority_changed: (from: string, to: string) => string;
    category_changed: (from: string, to: string) => string;
    plan_changed: (to: string) => string;
    closed: (actor: string) => string;
    closedBySystem: string;
    other: (kind: string) => string;
  };

  composer: {
    label: string;
    hint: string;
    hintMac: string;
    send: string;
    sending: string;
    failed: string;
    empty: string;
  };

  close: {
    action: string;
    confirm: string;
    yes: string;
    no: string;
    closing: string;
    failed: string;
  };

  closed: {
    notice: (when: string) => string;
    byCustomer: string;
    byAgent: string;
    bySystem: string;
    newTicket: string;
  };

  plans: {
    heading: string;
    yourPlan: (plan: string) => string;
    customPlan: string;
    caption: string;
    current: string;
    priority: string;
    hours: string;
    hours247: string;
    hoursBusiness: string;
    notOffered: string;
    target: (duration: string) => string;
    tableLabel: string;
    loadFailed: string;
  };

  agent: {
    heading: string;
    placeholder: string;
    org: (org: string) => string;
  };

  /** Counts and units for durations; the number is already formatted. */
  units: { minute: (n: string) => string; hour: (n: string) => string; day: (n: string) => string };
}
