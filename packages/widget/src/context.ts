import type { SupportApi } from './api/client';
import type { Session } from './api/session';
import type { DetailOf, SupportTicketsEventName } from './events';
import type { I18n } from './i18n/localize';
import type { LiveHub } from './live/hub';

/** What every view needs from the root element; a new object whenever one of them changes. */
export interface WidgetContext {
  api: SupportApi;
  i18n: I18n;
  session: Session;
  /** The live change stream: views listen to refresh what they show. */
  live: LiveHub;
  /** Dispatches a public event on `<support-tickets>`. */
  emit<K extends SupportTicketsEventName>(name: K, detail: DetailOf<K>): void;
}

/** Typed ready-made drafts, kept above the views so nothing typed is lost between them. */
export interface TicketDraft {
  subject: string;
  body: string;
  category: string;
  priority: string;
}

export class Drafts {
  ticket: TicketDraft = emptyTicketDraft();
  readonly replies = new Map<string, string>();

  clearTicket() {
    this.ticket = emptyTicketDraft();
  }
}

export function emptyTicketDraft(): TicketDraft {
  return { subject: '', body: '', category: '', priority: '' };
}

/** The parts a view forwards to its parent, so the host can style them through `::part`. */
export const PARTS = [
  'header',
  'nav',
  'new-ticket',
  'list',
  'ticket',
  'sla',
  'filters',
  'load-more',
  'form',
  'submit',
  'detail',
  'thread',
  'message',
  'composer',
  'close',
  'banner',
  'timeline',
  'plans',
  'plan-table',
  'current-plan',
  'empty',
  'error',
  'queue',
  'note',
  'actions',
  'accept',
  'explanation',
  'org-panel',
  'plan-form',
  'org-list',
  'sla-overview',
] as const;
export const EXPORTPARTS = PARTS.join(', ');
