import {
  DEFAULT_AUTO_CLOSE_HOURS,
  DEFAULT_AUTO_CLOSE_WARNING_HOURS,
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
import { createDispatcher, DEFAULT_DISPATCH } from './notify/dispatcher';
import { createMailChannel, mailOptionsProblem, type MailOptions } from './notify/mail';
import { closeDueTickets } from './scheduler/close-due';
import { createScheduler } from './scheduler/scheduler';
import { createAlertScheduler } from './scheduler/alert-scheduler';
import { createSearchUpkeep, mergeSearchIndex } from './tickets/search-upkeep';
import { sendDueAlerts } from './scheduler/alerts';
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
  /** Hours before auto-closing that the customer is warned (never in the first half of the wait). Default 24. */
  autoCloseWarningHours?: number;
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
  /** Notifications (SPEC §6): webhooks now; every field optional. */
  notifications?: NotificationOptions;
}

export interface NotificationOptions {
  /** Let webhook URLs resolve to loopback and private addresses (`WEBHOOK_ALLOW_PRIVATE=1`); refused by default. */
  webhookAllowPrivate?: boolean;
  /** How long a receiver has to answer; default and at most 10 s. */
  webhookTimeoutMs?: number;
  /** How often the outbox is read for other processes' rows and due retries; default 500 ms. */
  pollMs?: number;
  /** Mail through an SMTP server; none without it. */
  mail?: MailOptions | null;
  /**
   * False: `startScheduler()` starts neither the dispatcher nor the alert timer; call
   * `deliverNotifications()` and `sendDueAlerts()` instead (tests that fake the clock's timers).
   */
  background?: boolean;
}

/** The longest a webhook receiver gets to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface SupportServer {
  /** The Hono app: `/health` and `/trpc/*`; mount more routes on it. */
  app: Hono;
  /** Closes every ticket due to auto-close now; returns how many this call closed. */
  closeDueTickets(): Promise<number>;
  /** Removes uploads no message took within a day; returns how many this call removed. */
  removeUnattachedUploads(): Promise<number>;
  /** Merges the search index into one segment, a write at a time; returns how many steps did work. */
  mergeSearchIndex(): Promise<number>;
  /**
   * Starts scheduled closing (a sweep now, then a timer for the next due ticket), the upkeep
   * (hourly removal of unattached uploads, a daily merge of the search index), SLA alerts and
   * the delivery of notifications.
   */
  startScheduler(): void;
  /** Records every SLA alert and auto-close warning due now (each once); returns how many this call recorded. */
  sendDueAlerts(): Promise<number>;
  /** Fans the outbox out and sends every delivery due now, waiting for those attempts (for tests and scripts). */
  deliverNotifications(): Promise<void>;
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

  const notify = options.notifications ?? {};
  const webhookTimeoutMs = notify.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS;
  if (!(webhookTimeoutMs > 0 && webhookTimeoutMs <= WEBHOOK_TIMEOUT_MS)) {
    throw new RangeError(`createServer: webhookTimeoutMs must be within 1–${WEBHOOK_TIMEOUT_MS}, got ${webhookTimeoutMs}.`);
  }
  const allowPrivateWebhooks = notify.webhookAllowPrivate ?? false;
  const mailProblem = notify.mail ? mailOptionsProblem(notify.mail) : null;
  if (mailProblem) throw new TypeError(`createServer: ${mailProblem}`);
  const deps = createServiceDeps(database, {
    now: options.now ?? (() => new Date()),
    autoCloseHours,
    defaultCalendar,
    log,
    authSecret: options.authSecret,
    attachmentQuotaMb: options.attachmentQuotaMb,
    blobStore: options.blobStore,
    allowPrivateWebhooks,
    mailEnabled: !!notify.mail,
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
  const searchUpkeep = createSearchUpkeep(deps);
  const autoCloseWarningHours = options.autoCloseWarningHours ?? DEFAULT_AUTO_CLOSE_WARNING_HOURS;
  if (!(autoCloseWarningHours > 0)) throw new RangeError(`createServer: autoCloseWarningHours must be a positive number, got ${autoCloseWarningHours}.`);
  const alertDeps = { ...deps, autoCloseWarningHours };
  const alerts = createAlertScheduler(alertDeps);
  const mail = notify.mail ? createMailChannel(deps, notify.mail) : null;
  const dispatcher = createDispatcher(deps, {
    ...DEFAULT_DISPATCH,
    webhooks: { timeoutMs: webhookTimeoutMs, allowPrivate: allowPrivateWebhooks },
    mail,
    ...(notify.pollMs ? { pollMs: notify.pollMs } : {}),
  });
  const closeGraceMs = options.closeGraceMs ?? 10_000;
  let closing: Promise<void> | null = null;

  const server: SupportServer = {
    app,
    closeDueTickets: () => closeDueTickets(deps),
    removeUnattachedUploads: () => removeUnattachedUploads(deps),
    mergeSearchIndex: () => mergeSearchIndex(database),
    startScheduler() {
      scheduler.start();
      cleanup.start();
      searchUpkeep.start();
      if (notify.background === false) return;
      alerts.start();
      dispatcher.start();
    },
    sendDueAlerts: () => sendDueAlerts(alertDeps),
    deliverNotifications: () => dispatcher.runOnce(),
    liveSubscribers: () => follower.listeners,
    close() {
      closing ??= (async () => {
        await follower.close();
        let grace: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([drain(), new Promise<void>((resolve) => (grace = setTimeout(resolve, closeGraceMs)))]);
        clearTimeout(grace);
        await Promise.all([scheduler.stop(), cleanup.stop(), searchUpkeep.stop(), alerts.stop(), dispatcher.stop()]);
        mail?.close();
        database.close();
      })();
      return closing;
    },
  };
  return { server, deps: apiDeps };
}
