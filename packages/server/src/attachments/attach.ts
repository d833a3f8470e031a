import { attachRefusal } from '@support-tickets/core';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable, Transaction } from '../db/client';
import { attachments } from '../db/schema';
import type { Caller } from '../shared/caller';
import { placeholderList } from '../shared/conditions';
import { preparedOn } from '../shared/prepared';
import type { ServiceError } from '../shared/result';
import type { AttachmentLinks } from '../shared/attachment-links';
import type { UploadOutput } from './upload';

/** A file as a message carries it: `url` is a signed link (relative to the API's origin) that works for an hour. */
export interface AttachmentOutput extends UploadOutput {
  url: string;
}

/**
 * Why these uploads cannot go on the caller's message (core's `attachRefusal`), read in the
 * message's own write transaction; null when they can, or when there are none.
 */
export async function attachableRefusal(tx: Transaction, caller: Caller, ids: readonly string[]): Promise<ServiceError | null> {
  if (ids.length === 0) return null;
  const found = await tx
    .select()
    .from(attachments)
    .where(inArray(attachments.id, [...new Set(ids)]));
  const standing = found.map((row) => ({ ...row, attached: row.messageId !== null }));
  return attachRefusal(ids, standing, caller);
}

/**
 * Puts the uploads on the message, in the transaction that wrote it and checked them
 * (`attachableRefusal`): the cleanup of unattached uploads deletes in a write transaction
 * too, so one of the two goes first and the other sees what it left. The update is
 * conditional all the same: a file that went meanwhile fails the whole message.
 */
export async function attachToMessage(tx: Transaction, ids: readonly string[], messageId: string): Promise<void> {
  if (ids.length === 0) return;
  const updated = await tx
    .update(attachments)
    .set({ messageId })
    .where(and(inArray(attachments.id, [...ids]), isNull(attachments.messageId), eq(attachments.complete, true)));
  if (updated.rowsAffected !== ids.length) throw new Error(`Attaching ${ids.length} files to message ${messageId} found ${updated.rowsAffected}.`);
}

/** The files of these messages, each message's in upload order, with links that work until an hour after `now`. */
export async function attachmentsOf(
  db: Queryable,
  messageIds: readonly string[],
  links: AttachmentLinks,
  now: Date,
): Promise<Map<string, AttachmentOutput[]>> {
  const byMessage = new Map<string, AttachmentOutput[]>();
  if (messageIds.length === 0) return byMessage;
  const ids = placeholderList('messageId', messageIds);
  const rows = await preparedOn(db, `attachments.ofMessages ${messageIds.length}`, (db) =>
    db.select().from(attachments).where(inArray(attachments.messageId, ids.list)).orderBy(asc(attachments.createdAt), asc(attachments.id)).prepare(),
  ).all(ids.values);
  for (const row of rows) {
    const list = byMessage.get(row.messageId!) ?? [];
    list.push({ id: row.id, name: row.name, size: row.size, contentType: row.contentType, url: links.url(row.id, now) });
    byMessage.set(row.messageId!, list);
  }
  return byMessage;
}
