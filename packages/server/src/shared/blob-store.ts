import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { blobChunks } from '../db/schema';

/**
 * Where files' bytes live, by blob id: the seam for moving them to object storage (S3, R2,
 * MinIO) later. Implementations must let every server process read what any of them wrote.
 */
export interface BlobStore {
  /** Stores the bytes as they come (never more than a chunk in memory); resolves with the size. */
  put(id: string, chunks: AsyncIterable<Uint8Array>): Promise<number>;
  /** The bytes, read a chunk at a time as the reader pulls. */
  read(id: string): ReadableStream<Uint8Array>;
  /** Removes blobs (absent ones are fine). */
  delete(ids: readonly string[]): Promise<void>;
}

/** The bytes of a chunk row: large enough that a 10 MB file is 40 rows, small enough to hold a few hundred at once. */
export const BLOB_CHUNK_BYTES = 256 * 1024;

/**
 * Blobs in the libSQL database, as rows of 256 KB: nothing more to run or back up, and every
 * process sharing the database reads them. Each chunk is its own short write, so a slow upload
 * never holds the database's write lock.
 *
 * @example
 * const store = createDatabaseBlobStore(database);
 * const size = await store.put(id, request.body);
 * return new Response(store.read(id));
 */
export function createDatabaseBlobStore(database: DatabaseHandle): BlobStore {
  return {
    async put(id, source) {
      let seq = 0;
      let size = 0;
      for await (const chunk of rechunk(source, BLOB_CHUNK_BYTES)) {
        const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        await database.write((tx) => tx.insert(blobChunks).values({ blobId: id, seq: seq++, data }));
        size += chunk.byteLength;
      }
      return size;
    },
    read(id) {
      let seq = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const row = await database.db
            .select({ data: blobChunks.data })
            .from(blobChunks)
            .where(and(eq(blobChunks.blobId, id), eq(blobChunks.seq, seq++)))
            .get();
          if (!row) return controller.close();
          controller.enqueue(new Uint8Array(row.data));
        },
      });
    },
    async delete(ids) {
      if (ids.length === 0) return;
      await database.write((tx) => tx.delete(blobChunks).where(inArray(blobChunks.blobId, [...ids])));
    },
  };
}

/** The bytes of `source` in pieces of `size` (the last one shorter): one piece in memory at a time. */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let piece = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const take = Math.min(size - filled, chunk.byteLength - offset);
      piece.set(chunk.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield piece;
        piece = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield piece.subarray(0, filled);
}
