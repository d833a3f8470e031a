import { randomBytes } from 'node:crypto';
import { DEFAULT_ATTACHMENT_QUOTA_MB, MEBIBYTE, type BusinessCalendar, type TimelineEventKind } from '@support-tickets/core';
import { createDatabaseBlobStore, type BlobStore } from './blob-store';
import { createAttachmentLinks, type AttachmentLinks } from './attachment-links';
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

/** Where files live, how links to them are signed, and how much an organisation may store. */
export type AttachmentDeps = {
  store: BlobStore;
  links: AttachmentLinks;
  quotaBytes: number;
};

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
  attachments: AttachmentDeps;
  /** People whose token details were written lately (by `personKey`), to skip writing them again. */
  seenPeople: BoundedMap<string, SeenPerson>;
  log: Logger;
};

export interface ServiceDepsOptions {
  now: () => Date;
  autoCloseHours: number;
  defaultCalendar: BusinessCalendar;
  log: Logger;
  /** Signs file links; default a random one (links then work with this process only: fine for tests and scripts). */
  authSecret?: string | undefined;
  /** Each organisation's storage for files; default `DEFAULT_ATTACHMENT_QUOTA_MB`. */
  attachmentQuotaMb?: number | undefined;
  /** Where files' bytes go; default the database itself. */
  blobStore?: BlobStore | undefined;
}

/** Fresh service dependencies on an open database: a new change feed, no organisation known yet. */
export function createServiceDeps(database: DatabaseHandle, options: ServiceDepsOptions): ServiceDeps {
  const { authSecret, attachmentQuotaMb, blobStore, ...rest } = options;
  const attachments: AttachmentDeps = {
    store: blobStore ?? createDatabaseBlobStore(database),
    links: createAttachmentLinks(authSecret ?? randomBytes(32).toString('base64url')),
    quotaBytes: (attachmentQuotaMb ?? DEFAULT_ATTACHMENT_QUOTA_MB) * MEBIBYTE,
  };
  return {
    database,
    ...rest,
    attachments,
    changes: createChangeFeed(options.log),
    knownOrgs: new Set(),
    seenPeople: new BoundedMap(SEEN_PEOPLE_CAPACITY),
  };
}
