import { seesInternal } from '@support-tickets/core';
import { attachmentsOf } from '../attachments/attach';
import type { MessageRow, ResponseCycleRow, TicketEventRow, TicketRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { linksOfNewTicket } from './links';
import { fileLinksOf } from './messages';
import { toMessageOutput, type TicketDetailOutput } from './output';
import { ticketDetail } from './queries';

// A new ticket's answer from the rows its creation just wrote (each insert returns its row), so
// opening a ticket costs no read-back: it answers exactly what `ticket.get` would read.

/** The rows one action wrote besides the ticket's own. */
export interface WrittenEffects {
  /** Cycles opened, oldest first. */
  cycleRows: ResponseCycleRow[];
  message: MessageRow | null;
  /** Events in the order written (their ids ascending). */
  eventRows: TicketEventRow[];
  /** How many uploads were attached to the message. */
  files: number;
}

/** The detail of a ticket just opened: one message (with its files), its first cycle and events; no follow-ups or presence yet. */
export async function newTicketDetail(
  deps: ServiceDeps,
  caller: Caller,
  row: TicketRow,
  original: TicketRow | null,
  written: WrittenEffects,
): Promise<TicketDetailOutput> {
  const { db } = deps.database;
  const internal = seesInternal(caller);
  const message = written.message && (internal || written.message.visibility === 'public') ? written.message : null;
  const links = fileLinksOf(deps);
  // Only the files just attached can be on it: with none there is nothing to read.
  const attached = message && written.files > 0 ? await attachmentsOf(db, [message.id], links.links, links.now) : new Map();
  return ticketDetail(db, caller, deps.now(), {
    row,
    cycleRows: written.cycleRows,
    thread: { items: message ? [toMessageOutput(message, attached.get(message.id) ?? [])] : [], nextCursor: null },
    eventRows: written.eventRows.filter((event) => internal || !event.internal),
    links: linksOfNewTicket(caller, original),
    presence: [],
  });
}
