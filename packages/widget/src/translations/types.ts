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
    /** Refusals the server gives a reason for (`data.reason`), worded here. */
    reasons: {
      ticketClosed: string;
      priorityUnavailable: (plan: string, priority: string, offered: string) => string;
      alreadyAccepted: string;
      nothingToChange: string;
      ticketBusy: string;
    };
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

  /** Counts and units for durations; the number is already formatted. */
  units: { minute: (n: string) => string; hour: (n: string) => string; day: (n: string) => string };
}

/**
 * The agent's workspace strings: a table of their own, bundled with the agent's chunk (in
 * `translations/agent/{fa,en}.ts`), so customers never download them.
 */
export interface AgentTranslation {
  nav: { label: string; queue: string; orgs: string; overview: string };
  back: string;
  queue: {
    heading: string;
    filters: string;
    priority: string;
    allPriorities: string;
    category: string;
    allCategories: string;
    plan: string;
    allPlans: string;
    org: string;
    orgPlaceholder: string;
    orgUnknown: string;
    mine: string;
    moreFilters: (active: number, count: string) => string;
    listLabel: string;
    keyboardHint: string;
    emptyTitle: string;
    emptyBody: string;
    loaded: (n: number, count: string) => string;
    allLoaded: (n: number, count: string) => string;
    stale: string;
    showLatest: string;
    loadFailed: string;
    unassigned: string;
    assignedToYou: string;
    assignedToOther: string;
  };
  sla: {
    state: Record<'on_track' | 'at_risk' | 'breached' | 'paused' | 'met' | 'missed' | 'none', string>;
    /** Between the state and the time ("On track · 3 h left"); a dot reads as a zero among Persian digits. */
    joiner: string;
    left: (duration: string) => string;
    overdue: (duration: string) => string;
    dueNow: string;
  };
  ticket: {
    openOrg: (name: string) => string;
    actions: string;
    accept: string;
    takeOver: string;
    accepting: string;
    priority: string;
    category: string;
    saving: string;
    priorityOption: (label: string, target: string) => string;
    noTarget: (label: string) => string;
    notOffered: (label: string) => string;
    priorityHint: (plan: string) => string;
    closeConfirm: string;
    closeYes: string;
    closeNo: string;
    sla: string;
    due: string;
    timeLeft: string;
    autoClose: string;
    noCycle: string;
    why: string;
    whyLead: (plan: string, priority: string, target: string, clock: string, from: string, to: string) => string;
    clock247: string;
    clockBusiness: (zone: string) => string;
    periods: string;
    period: (from: string, to: string, duration: string) => string;
    autoCloseBanner: (relative: string) => string;
    closedBanner: (by: string, relative: string) => string;
    closedBy: { customer: string; agent: string; system: string };
    compose: string;
    modeReply: string;
    modeNote: string;
    replyLabel: string;
    noteLabel: string;
    sendReply: string;
    addNote: string;
    noteFailed: string;
    empty: string;
    internalNote: string;
    customer: string;
  };
  orgs: {
    heading: string;
    search: string;
    searchPlaceholder: string;
    open: (count: string) => string;
    emptyTitle: string;
    emptyBody: string;
    loadFailed: string;
  };
  org: {
    plan: string;
    hours: string;
    openTickets: (count: string) => string;
    change: string;
    choosePlan: string;
    custom: string;
    targets: string;
    offer: (priority: string) => string;
    target: (priority: string) => string;
    unit: string;
    minutes: string;
    hoursUnit: string;
    supportHours: string;
    save: string;
    saving: string;
    saved: (plan: string) => string;
    appliesNote: string;
    tickets: string;
    noTickets: string;
    loadFailed: string;
    targetInvalid: string;
    needOne: string;
    notSaved: string;
  };
  overview: {
    heading: string;
    generated: (relative: string) => string;
    open: string;
    plan: string;
    priority: string;
    breached: string;
    atRisk: string;
    onTrack: string;
    total: string;
    compliance: string;
    last7: string;
    last30: string;
    share: (percent: string) => string;
    cycles: (met: string, total: string) => string;
    noCycles: string;
    loadFailed: string;
  };
}
