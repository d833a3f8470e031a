import { MESSAGE_PAGE_SIZE, seesInternal, type Viewer } from '@support-tickets/core';
import { and, desc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { attachmentsOf } from '../attachments/attach';
import type { AttachmentLinks } from '../shared/attachment-links';
import type { Queryable } from '../db/client';
import { messages } from '../db/schema';
import type { Caller } from '../shared/caller';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import type { ServiceDeps } from '../shared/deps';
import { preparedOn } from '../shared/prepared';
import { fail, ok, ticketNotFound, type Result } from '../shared/result';
import { canSeeTicketById } from '../shared/tenancy';
import { toMessageOutput, type MessageOutput } from './output';

// A ticket's thread, a page at a time from the newest back: a ticket with thousands of long
// messages costs every reader the same as one with fifty.

export interface MessagePage {
  /** Oldest first within the page. */
  items: MessageOutput[];
  /** Pass back as `before` for the older messages; null once the first message is in. */
  nextCursor: string | null;
}

/** Where an older page ends: the oldest message of the page read before it. */
interface MessageCursor {
  createdAt: number;
  id: string;
}

const wire = z
  .object({ m: z.tuple([z.number().int(), z.string().min(1)]) })
  .transform(({ m }): MessageCursor => ({ createdAt: m[0], id: m[1] }));

/** How a page's files get their links: signed until an hour after `now`. */
export interface FileLinks {
  links: AttachmentLinks;
  now: Date;
}

/** The links of a page read at the deps' present moment. */
export const fileLinksOf = (deps: ServiceDeps): FileLinks => ({ links: deps.attachments.links, now: deps.now() });

/**
 * The page of `viewer`'s messages of a ticket just before `before` (the newest page without
 * one), each with its files. A message the viewer does not see (an internal note, for a
 * customer) is not read, so neither are its files nor links to them.
 */
export async function readMessagePage(
  db: Queryable,
  viewer: Viewer,
  ticketId: string,
  before: MessageCursor | null,
  limit: number,
  files: FileLinks,
): Promise<MessagePage> {
  const internal = seesInternal(viewer);
  const rows = before
    ? await newestFirst(db, internal, ticketId, limit + 1, sql`(${messages.createdAt}, ${messages.id}) < (${before.createdAt}, ${before.id})`)
    : // The newest page, which every ticket.get reads: its SQL is built once.
      await preparedOn(db, `messages.newest:${internal}`, (db) =>
        newestFirst(db, internal, sql.placeholder('ticketId'), sql.placeholder('limit')).prepare(),
      ).all({ ticketId, limit: limit + 1 });
  const page = rows.slice(0, limit).reverse();
  const oldest = page[0];
  const attached = await attachmentsOf(db, page.map((row) => row.id), files.links, files.now);
  return {
    items: page.map((row) => toMessageOutput(row, attached.get(row.id) ?? [])),
    nextCursor: rows.length > limit && oldest ? encodeCursor({ m: [oldest.createdAt.getTime(), oldest.id] }) : null,
  };
}

/** A ticket's messages the viewer sees, newest first (before `older`, when given). */
function newestFirst(db: Queryable, internal: boolean, ticketId: string | Placeholder, limit: number | Placeholder, older?: SQL) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.ticketId, ticketId), internal ? undefined : eq(messages.visibility, 'public'), older))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
}

/** `ticket.messages`: older messages of a ticket the caller can see. */
export async function listMessages(
  deps: ServiceDeps,
  caller: Caller,
  ticketId: string,
  query: { before?: string | undefined; limit?: number | undefined },
): Promise<Result<MessagePage>> {
  let before: MessageCursor | null = null;
  if (query.before !== undefined) {
    before = decodeCursor(query.before, wire);
    if (!before) return fail('invalid', 'The cursor is not valid; start again without one.');
  }
  if (!(await canSeeTicketById(deps.database.db, caller, ticketId))) return ticketNotFound();
  return ok(await readMessagePage(deps.database.db, caller, ticketId, before, query.limit ?? MESSAGE_PAGE_SIZE, fileLinksOf(deps)));
}
