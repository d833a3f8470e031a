import type { ClosedBy, PlanProblem, RefusalReason, SlaState, SupportHours, TextField, TextProblem, TimelineEventKind } from '@support-tickets/core';

/** Who wrote a message or made a change, as the reader sees it. */
export type ActorKind = 'you' | 'colleague' | 'customer' | 'support' | 'system';

/** The domain fields a person filters and reads by. */
export type Field = 'status' | 'priority' | 'category' | 'plan';

/**
 * Refusals the server explains in data (`data.reason`), worded here; a text's problem is worded
 * by `text`, a custom plan's by the agent's `planProblem` (its form checks them before sending),
 * an upload's by the attachments chunk (only uploads meet them).
 */
export type RefusalWords = Record<
  Exclude<
    RefusalReason['kind'],
    | 'priority_unavailable'
    | 'text_invalid'
    | 'plan_invalid'
    | 'rate_limited'
    | 'too_many_streams'
    | 'file_too_large'
    | 'quota_exceeded'
    | 'too_many_attachments'
    | 'attachment_unavailable'
    | TeamRefusal
  >,
  string
> & {
  priority_unavailable: (plan: string, priority: string, offered: string) => string;
  /** Too many calls for a while; `wait` is formatted ("12 s"). */
  rate_limited: (wait: string) => string;
  /** A message's files refused: added by the attachments chunk when it loads (only its files meet these). */
  too_many_attachments?: string;
  attachment_unavailable?: string;
};

/** Refusals of the team features (SPEC §8), worded by the on-demand parts that can meet them. */
export type TeamRefusal = 'unknown_agent' | 'ticket_changed' | 'not_closed' | 'already_rated' | 'rating_expired' | 'resource_not_allowed';

/**
 * Every user-visible string of the widget's main file, shared words once and tables keyed by
 * the domain's own types. Domain labels (statuses, priorities, categories, plans) come from
 * `@support-tickets/core` `LABELS`; the agent's workspace adds its own table (`AgentTranslation`).
 */
export interface Translation {
  /** BCP 47 tag handed to `Intl` (calendar and numbering system included). */
  intlLocale: string;
  dir: 'ltr' | 'rtl';
  /** Joins the parts of a duration: "2 h 30 min". */
  unitJoiner: string;
  /** Between a label and its detail ("On track · 3 h left"); a dot reads as a zero among Persian digits. */
  joiner: string;

  widgetLabel: string;
  loading: string;
  retry: string;
  cancel: string;
  saving: string;
  backToTickets: string;
  /** "Updated 3 hours ago". */
  updated: (relative: string) => string;
  /** Which clock a time is on, beside it: "your time, Europe/Berlin". */
  yourClock: (zone: string) => string;
  /** A response target: "< 3 h". */
  target: (duration: string) => string;
  /** What is wrong with a subject or a body (core's `checkText`); `max` is formatted. */
  text: Record<TextField, Record<Exclude<TextProblem['code'], 'too_short'>, (max: string) => string>>;

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
    reasons: RefusalWords;
  };

  nav: { label: string; tickets: string; plans: string; newTicket: string };
  field: Record<Field, string>;
  /** "All statuses", the empty choice of a filter. */
  all: Record<Field, string>;
  hours: Record<SupportHours, string>;
  actor: Record<ActorKind, string>;
  closedBy: Record<ClosedBy, string>;
  /** A timeline entry; `from` and `to` are already labels. */
  events: Record<TimelineEventKind, (actor: string, from: string, to: string) => string>;

  list: {
    heading: string;
    orgHeading: string;
    filters: string;
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
    by: (name: string) => string;
    loadFailed: string;
  };

  sla: {
    /** The customer's reading of each state; the duration is the time left or overdue. */
    reading: Record<SlaState, (duration: string) => string>;
    /** An org admin reading a colleague's ticket that waits on the colleague. */
    waitingOnColleague: string;
    dueNow: string;
    dueAt: (dateTime: string) => string;
  };

  detail: {
    /** Read out when a message arrives on the open ticket: who wrote it, then the message. */
    arrived: (author: string, body: string) => string;
    loadingHeading: string;
    facts: string;
    opened: string;
    updated: string;
    openedBy: string;
    reference: string;
    /** The cloud resources the ticket is about (as picked when it was opened). */
    resources: string;
    response: string;
    autoClose: (relative: string) => string;
    conversation: string;
    noMessages: string;
    /** The button that loads the messages before the oldest on screen. */
    earlier: string;
    earlierLoading: string;
    timeline: string;
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
    newTicket: string;
    /** A reply was being typed when the ticket closed: it is kept for a follow-up. */
    draftKept: string;
    followUp: string;
  };

  /** The plan table's own words are in its chunk; the agent's plan view shares this one. */
  plans: { notOffered: string };

  /** Counts and units for durations; the number is already formatted. */
  units: { second: (n: string) => string; minute: (n: string) => string; hour: (n: string) => string; day: (n: string) => string };
}

/**
 * The agent workspace's own strings, in the agent's chunk (`translations/agent/`), so customers
 * never download them. Agent views read them with the shared ones as one table (`AgentElement.t`).
 */
export interface AgentTranslation {
  workspace: { label: string; queue: string; orgs: string; overview: string; webhooks: string };
  /** Agents as a team (SPEC §8). */
  team: TeamWords;
  back: string;
  queue: {
    heading: string;
    filters: string;
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
  };
  assignee: { none: string; you: string; other: string };
  slaState: Record<SlaState, string>;
  slaTime: { left: (duration: string) => string; overdue: (duration: string) => string; dueNow: string };
  ticket: {
    openOrg: (name: string) => string;
    actions: string;
    accept: string;
    takeOver: string;
    accepting: string;
    /** A priority the plan offers, with its target or none, or one it no longer offers. */
    option: { target: (label: string, target: string) => string; noTarget: (label: string) => string; notOffered: (label: string) => string };
    priorityHint: (plan: string) => string;
    closeConfirm: string;
    sla: string;
    due: string;
    timeLeft: string;
    autoClose: string;
    noCycle: string;
    why: string;
    /** Under a select stepped with the arrow keys: the choice is not saved yet. */
    confirmChoice: string;
    whyLead: (plan: string, priority: string, target: string, clock: string, from: string, to: string) => string;
    clock247: string;
    clockBusiness: (zone: string) => string;
    /** The periods' heading, with the clock their times are on. */
    periods: (zone: string) => string;
    period: (from: string, to: string, duration: string) => string;
    autoCloseBanner: (relative: string) => string;
    closedBanner: (by: string, relative: string) => string;
  };
  note: {
    compose: string;
    modeReply: string;
    modeNote: string;
    replyLabel: string;
    label: string;
    add: string;
    failed: string;
    warning: string;
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
    hours: string;
    change: string;
    choosePlan: string;
    custom: string;
    targets: string;
    offer: (priority: string) => string;
    target: (priority: string) => string;
    unit: string;
    minutes: string;
    hoursUnit: string;
    save: string;
    saved: (plan: string) => string;
    appliesNote: string;
    tickets: string;
    noTickets: string;
    loadFailed: string;
    notSaved: string;
  };
  /** What is wrong with a custom plan (core's `checkCustomPlan`). */
  planProblem: {
    [C in PlanProblem['code']]: (priority: string, max: string) => string;
  };
  overview: {
    heading: string;
    open: string;
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

/** The agent's team features: assignment, the collision guard, presence, saved replies, bulk actions. */
/** The API's codes a ticket of a bulk action may be refused with (core's and the service's refusals). */
export type BulkRefusalCode = 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

export interface TeamWords {
  assign: string;
  nobody: string;
  /** "Sara assigned it to Omid", "Sara took it off Omid". */
  assigned: (actor: string, to: string | null, from: string | null) => string;
  changedHeading: string;
  changedBody: string;
  sendAnyway: string;
  review: string;
  viewing: (names: string) => string;
  typing: (names: string) => string;
  macros: string;
  macroSearch: string;
  macroNone: string;
  macroHint: string;
  select: (subject: string) => string;
  selected: (count: string) => string;
  bulkReply: string;
  bulkClose: string;
  bulkSend: string;
  bulkDone: (ok: string, failed: string) => string;
  /** Why one ticket of a bulk action was not done, by the API's code, when the server gave no reason the widget words; `other` for any other code. */
  bulkRefused: Record<BulkRefusalCode | 'other', string>;
  /** The team's refusals the server explains in data, added to the widget's refusal words when the agent's chunk loads. */
  reasons: { unknown_agent: string; ticket_changed: string };
  clearSelection: string;
  resources: string;
  followUpOf: string;
  followUps: string;
  rating: Record<'good' | 'bad', string>;
  satisfaction: string;
  satisfactionShare: (percent: string, good: string, bad: string) => string;
  noRatings: string;
  guidance: string;
}
