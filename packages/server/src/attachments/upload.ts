import { ATTACHMENT_MAX_BYTES, safeFileName, uploadRefusal } from '@support-tickets/core';
import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Queryable } from '../db/client';
import { attachments } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { fail, ok, type Result } from '../shared/result';
import { headTap, sniffContentType } from './sniff';

/** An upload as `POST /attachments` answers it, and as a message lists it (with a link). */
export interface UploadOutput {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export interface IncomingFile {
  /** The name the uploader gave; made safe before it is stored. */
  name: string;
  /** The size the request announced (Content-Length), when it did: refused at once when too big. */
  declaredBytes: number | null;
  body: AsyncIterable<Uint8Array>;
}

/** Raised by the byte counter the moment a file passes the limit: reading stops there. */
class TooLarge extends Error {}

/**
 * Takes one file as it streams in: refuses it up front when its announced size is over the
 * limit or the organisation's quota, stops reading the moment it passes the limit, judges its
 * type from its first bytes, and counts it against the quota once complete (in the write
 * transaction, so uploads racing for the last megabytes cannot both get them). A refused or
 * broken upload leaves nothing behind.
 */
export async function receiveUpload(deps: ServiceDeps, caller: Caller, file: IncomingFile): Promise<Result<UploadOutput>> {
  if (caller.role === 'system' || !caller.userId) return fail('forbidden', 'Only people upload files.');
  const { store, quotaBytes } = deps.attachments;
  const orgId = caller.orgId;
  if (file.declaredBytes !== null) {
    const refused = uploadRefusal({ bytes: file.declaredBytes, usedBytes: await usedBytes(deps.database.db, orgId), quotaBytes });
    if (refused) return { ok: false, error: refused };
  }

  const id = uuidv7();
  const name = safeFileName(file.name);
  await deps.database.write((tx) =>
    tx.insert(attachments).values({
      id,
      orgId,
      uploadedBy: caller.userId!,
      name,
      contentType: 'application/octet-stream',
      size: 0,
      complete: false,
      createdAt: deps.now(),
    }),
  );
  const discard = () =>
    Promise.all([deps.database.write((tx) => tx.delete(attachments).where(eq(attachments.id, id))), store.delete([id])]);

  const tap = headTap(limited(file.body, ATTACHMENT_MAX_BYTES));
  let size: number;
  try {
    size = await store.put(id, tap.stream);
  } catch (error) {
    await discard();
    if (error instanceof TooLarge) return { ok: false, error: uploadRefusal({ bytes: ATTACHMENT_MAX_BYTES + 1, usedBytes: 0, quotaBytes })! };
    throw error;
  }
  const contentType = await sniffContentType(tap.head());

  const refused = await deps.database.write(async (tx) => {
    const refusal = uploadRefusal({ bytes: size, usedBytes: await usedBytes(tx, orgId), quotaBytes });
    if (refusal) {
      await tx.delete(attachments).where(eq(attachments.id, id));
      return refusal;
    }
    await tx.update(attachments).set({ size, contentType, complete: true }).where(eq(attachments.id, id));
    return null;
  });
  if (refused) {
    await store.delete([id]);
    return { ok: false, error: refused };
  }
  return ok({ id, name, size, contentType });
}

/** What an organisation's complete files take (an agent's uploads count against none). */
async function usedBytes(db: Queryable, orgId: string | null): Promise<number> {
  if (orgId === null) return 0;
  const row = await db
    .select({ bytes: sql<number>`coalesce(sum(${attachments.size}), 0)` })
    .from(attachments)
    .where(and(eq(attachments.orgId, orgId), eq(attachments.complete, true)))
    .get();
  return Number(row?.bytes ?? 0);
}

/** `source`, failing with TooLarge as soon as more than `max` bytes came through. */
async function* limited(source: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (seen > max) throw new TooLarge();
    yield chunk;
  }
}
