import type { BusinessCalendar, TimelineEventKind } from '@support-tickets/core';
import type { DatabaseHandle } from '../db/client';
import type { Logger } from '../logger';
import { BoundedMap } from './bounded-map';

/** What this process last wrote of a person: their token's details, and when. */
export type SeenPerson = { details: string; writtenAt: number };
/** People remembered as written; past this many, the stalest are written again when next seen. */
const SEEN_PEOPLE_CAPACITY = 10_000;

/** A committed change to a ticket, told to in-process listeners after the commit. */
export type TicketChange = {
  ticketId: string;
  orgId: string;
  createdBy: string;
  kinds: TimelineEventKind[];
  at: Date;
  /** Whether the change set, moved or cleared the ticket's auto-close time. */
  autoCloseChanged: boolean;
};

export type ChangeListener = (change: TicketChange) => void;

/**
 * In-process fan-out of committed changes (the scheduler re-arms on it). Other processes see
 * changes by following `ticket_events` by id.
 */
export type ChangeFeed = {
  publish(change: TicketChange): void;
  subscribe(listener: ChangeListener): () => void;
};

export function createChangeFeed(log: Logger): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  return {
    publish(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          log.error('change listener failed', { error: String(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What the service layer runs on; one per server instance. */
export type ServiceDeps = {
  database: DatabaseHandle;
  /** The clock of the domain (tests inject one). */
  now: () => Date;
  autoCloseHours: number;
  /** The calendar of organisations that have none of their own. */
  defaultCalendar: BusinessCalendar;
  changes: ChangeFeed;
  /** Organisations known to exist, to skip the lookup on every request. */
  knownOrgs: Set<string>;
  /** People whose token details were written lately (by `personKey`), to skip writing them again. */
  seenPeople: BoundedMap<string, SeenPerson>;
  log: Logger;
};

/** Fresh service dependencies on an open database: a new change feed, no organisation known yet. */
export function createServiceDeps(
  database: DatabaseHandle,
  options: { now: () => Date; autoCloseHours: number; defaultCalendar: BusinessCalendar; log: Logger },
): ServiceDeps {
  return { database, ...options, changes: createChangeFeed(options.log), knownOrgs: new Set(), seenPeople: new BoundedMap(SEEN_PEOPLE_CAPACITY) };
}
