import type { SupportTicketsError } from './api/errors';
import type { Ticket } from './api/types';

export interface TicketEventDetail {
  ticket: Ticket;
}
export interface ErrorEventDetail {
  error: SupportTicketsError;
}

/** The events `<support-tickets>` dispatches (bubbling, composed). */
export interface SupportTicketsEventMap {
  'support-ticket-created': CustomEvent<TicketEventDetail>;
  'support-ticket-replied': CustomEvent<TicketEventDetail>;
  'support-ticket-closed': CustomEvent<TicketEventDetail>;
  'support-error': CustomEvent<ErrorEventDetail>;
}

export type SupportTicketsEventName = keyof SupportTicketsEventMap;
export type DetailOf<K extends SupportTicketsEventName> = SupportTicketsEventMap[K]['detail'];

/** Dispatches one of the public events: bubbling and composed, so the host page hears it. */
export function dispatch<K extends SupportTicketsEventName>(target: EventTarget, name: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
