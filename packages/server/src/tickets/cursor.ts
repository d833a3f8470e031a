import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../shared/cursor';

export const TICKET_SORTS = ['due', 'updated', 'attention'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export type TicketCursor =
  /** Agent queue order: rank band, time within the band, id. */
  | { sort: 'due'; rank: number; at: number; id: string }
  /** Newest first: updated time, id. */
  | { sort: 'updated'; updatedAt: number; id: string }
  /** A customer's attention order: band, updated time, id. */
  | { sort: 'attention'; band: number; updatedAt: number; id: string }
  /** A search, best match first: how many results came before. */
  | { sort: 'rank'; offset: number };

const wire = z
  .discriminatedUnion('s', [
    z.object({ s: z.literal('due'), k: z.tuple([z.number().int(), z.number().int(), z.string().min(1)]) }),
    z.object({ s: z.literal('updated'), k: z.tuple([z.number().int(), z.string().min(1)]) }),
    z.object({ s: z.literal('attention'), k: z.tuple([z.number().int(), z.number().int(), z.string().min(1)]) }),
    z.object({ s: z.literal('rank'), k: z.tuple([z.number().int().nonnegative()]) }),
  ])
  .transform((wire): TicketCursor => {
    if (wire.s === 'due') return { sort: wire.s, rank: wire.k[0], at: wire.k[1], id: wire.k[2] };
    if (wire.s === 'attention') return { sort: wire.s, band: wire.k[0], updatedAt: wire.k[1], id: wire.k[2] };
    if (wire.s === 'updated') return { sort: wire.s, updatedAt: wire.k[0], id: wire.k[1] };
    return { sort: wire.s, offset: wire.k[0] };
  });

export function encodeTicketCursor(cursor: TicketCursor): string {
  if (cursor.sort === 'due') return encodeCursor({ s: 'due', k: [cursor.rank, cursor.at, cursor.id] });
  if (cursor.sort === 'attention') return encodeCursor({ s: 'attention', k: [cursor.band, cursor.updatedAt, cursor.id] });
  if (cursor.sort === 'updated') return encodeCursor({ s: 'updated', k: [cursor.updatedAt, cursor.id] });
  return encodeCursor({ s: 'rank', k: [cursor.offset] });
}

/** The cursor, or null when the string is not one of ours. */
export const decodeTicketCursor = (value: string): TicketCursor | null => decodeCursor(value, wire);
