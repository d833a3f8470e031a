import {
  DEFAULT_AUTO_CLOSE_HOURS,
  DEFAULT_CALENDAR,
  validateCalendar,
  type BusinessCalendar,
} from '@support-tickets/core';
import type { Hono } from 'hono';
import type { ApiDeps } from './api/context';
import type { BlobStore } from './shared/blob-store';
import { createCleanupSchedule, removeUnattachedUploads } from './attachments/cleanup';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { createHttpApp } from './http/app';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limit';
import { createEventIdSeal } from './live/event-ids';
import { createEventFollower, DEFAULT_POLL_MS } from './live/follower';
import { consoleLogger, type Logger } from './logger';
import { closeDueTickets } from './scheduler/close-due';
import { createScheduler } from './scheduler/scheduler';
import { createServiceDeps } from './shared/deps';

export interface ServerOptions {
  /**
   * `file:./data/support.db`, or a libSQL server / Turso URL (`libsql://`, `http(s)://`) when
   * several processes share one database. Omitted: a private throwaway file, removed on close.
   */
  databaseUrl?: string;
  /** Auth token of a libSQL server or Turso database. */
  databaseAuthToken?: string;
  /** The shared HS256 secret tokens are signed with. */
  authSecret: string;
  /** The clock of the domain; tests inject one. */
  now?: () => Date;
  /** Wall-clock hours after the last agent reply before a ticket waiting on the customer closes. */
  autoCloseHours?: number;
  /** The business calendar of organisations that have none of their own. */
  calendar?: BusinessCalendar;
  /** Browser origins allowed to call the API; `['*']` for any. None by default. */
  corsOrigins?: readonly string[];
  logger?: Logger;
  /**
   * How often `ticket.onChange` reads the timeline for changes made by other processes, while
   * anyone is subscribed (this process's own changes go out at once). Default 300 ms.
   */
  livePollMs?: number;
  /**
   * Each person's and organisation's budget of calls over HTTP (in this process's memory):
   * `DEFAULT_RATE_LIMITS` unless given; false for none.
   */
  rateLimits?: RateLimits | false;
  /** Each organisation's storage for attached files, in MB (`ATTACHMENT_QUOTA_MB`). Default 1024. */
  attachmentQuotaMb?: number;
  /** Where files' bytes live; default the database (see `BlobStore` for moving them to object storage). */
  blobStore?: BlobStore;
  /** How long `close()` waits for requests in progress before closing the database. Default 10 s. */
  closeGraceMs?: number;
}

export interface SupportServer {
  /** The Hono app: `/health` and `/trpc/*`; mount more routes on it. */
  app: Hono;
  /** Closes every ticket due to auto-close now; returns how many this call closed. */
  closeDueTickets(): Promise<number>;
  /** Removes uploads no message took within a day; returns how many this call removed. */
  removeUnattachedUploads(): Promise<number>;
  /**
   * Starts scheduled closing (a sweep now, then a timer for the next due ticket) and the hourly
   * removal of unattached uploads.
   */
  startScheduler(): void;
  /**
   * Ends the live streams (clients reconnect and resume elsewhere), refuses new requests,
   * waits for those in progress, stops the scheduler and closes the database.
   */
  close(): Promise<void>;
  /** Open `ticket.onChange` streams of this server. */
  liveSubscribers(): number;
}

/**
 * Opens (and migrates) the database and builds the server. No timer runs until `startScheduler()`.
 *
 * @example
 * const server = await createServer({ databaseUrl: 'file:./data/support.db', authSecret: process.env.AUTH_SECRET! });
 * server.startScheduler();
 * serve({ fetch: server.app.fetch, port: 3000 });
 */
export async function createServer(options: ServerOptions): Promise<SupportServer> {
  return (await assembleServer(options)).server;
}

/** The server and what its procedures run on, for in-process callers (the testing entry). */
export async function assembleServer(options: ServerOptions): Promise<{ server: SupportServer; deps: ApiDeps }> {
  if (!options.authSecret) throw new TypeError('createServer: authSecret is required.');
  const autoCloseHours = options.autoCloseHours ?? DEFAULT_AUTO_CLOSE_HOURS;
  if (!Number.isFinite(autoCloseHours) || autoCloseHours <= 0) {
    throw new RangeError(`createServer: autoCloseHours must be a positive number, got ${autoCloseHours}.`);
  }
  const defaultCalendar = options.calendar ?? DEFAULT_CALENDAR;
  const problems = validateCalendar(defaultCalendar);
  if (problems.length > 0) throw new TypeError(`createServer: the calendar is invalid: ${problems.join('; ')}.`);
  const log = options.logger ?? consoleLogger;

  const database = await openDatabase({
    ...(options.databaseUrl !== undefined ? { url: options.databaseUrl } : {}),
    ...(options.databaseAuthToken ? { authToken: options.databaseAuthToken } : {}),
  });
  try {
    await runMigrations(database);
  } catch (error) {
    database.close();
    throw error;
  }

  const deps = createServiceDeps(database, {
    now: options.now ?? (() => new Date()),
    autoCloseHours,
    defaultCalendar,
    log,
    authSecret: options.authSecret,
    attachmentQuotaMb: options.attachmentQuotaMb,
    blobStore: options.blobStore,
  });
  const follower = createEventFollower({ database, changes: deps.changes, log, pollMs: options.livePollMs ?? DEFAULT_POLL_MS });
  const apiDeps: ApiDeps = { ...deps, follower, eventIds: createEventIdSeal(options.authSecret) };
  const { app, drain } = createHttpApp({
    deps: apiDeps,
    authSecret: options.authSecret,
    corsOrigins: options.corsOrigins ?? [],
    rateLimits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
  });
  const scheduler = createScheduler(deps);
  const cleanup = createCleanupSchedule(deps);
  const closeGraceMs = options.closeGraceMs ?? 10_000;
  let closing: Promise<void> | null = null;

  const server: SupportServer = {
    app,
    closeDueTickets: () => closeDueTickets(deps),
    removeUnattachedUploads: () => removeUnattachedUploads(deps),
    startScheduler() {
      scheduler.start();
      cleanup.start();
    },
    liveSubscribers: () => follower.listeners,
    close() {
      closing ??= (async () => {
        await follower.close();
        let grace: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([drain(), new Promise<void>((resolve) => (grace = setTimeout(resolve, closeGraceMs)))]);
        clearTimeout(grace);
        await Promise.all([scheduler.stop(), cleanup.stop()]);
        database.close();
      })();
      return closing;
    },
  };
  return { server, deps: apiDeps };
}
