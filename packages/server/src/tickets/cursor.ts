import { z } from 'zod';

// Keyset cursors: the sort key of the last item seen, opaque to clients (base64url JSON).
// A page after it is "keys strictly beyond this one", so inserts never shift or repeat items.

export const TICKET_SORTS = ['due', 'updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export type TicketCursor =
  /** Agent queue order: rank band, time within the band, id. */
  | { sort: 'due'; rank: number; at: number; id: string }
  /** Newest first: updated time, id. */
  | { sort: 'updated'; updatedAt: number; id: string };

const wire = z.discriminatedUnion('s', [
  z.object({ s: z.literal('due'), k: z.tuple([z.number().int(), z.number().int(), z.string().min(1)]) }),
  z.object({ s: z.literal('updated'), k: z.tuple([z.number().int(), z.string().min(1)]) }),
]);

export function encodeCursor(cursor: TicketCursor): string {
  const payload =
    cursor.sort === 'due'
      ? { s: 'due', k: [cursor.rank, cursor.at, cursor.id] }
      : { s: 'updated', k: [cursor.updatedAt, cursor.id] };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The cursor, or null when the string is not one of ours. */
export function decodeCursor(value: string): TicketCursor | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = wire.safeParse(json);
  if (!parsed.success) return null;
  const { data } = parsed;
  if (data.s === 'due') {
    const [rank, at, id] = data.k;
    return { sort: 'due', rank, at, id };
  }
  const [updatedAt, id] = data.k;
  return { sort: 'updated', updatedAt, id };
}
