import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../shared/cursor';

export const TICKET_SORTS = ['due', 'updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export type TicketCursor =
  /** Agent queue order: rank band, time within the band, id. */
  | { sort: 'due'; rank: number; at: number; id: string }
  /** Newest first: updated time, id. */
  | { sort: 'updated'; updatedAt: number; id: string };

const wire = z
  .discriminatedUnion('s', [
    z.object({ s: z.literal('due'), k: z.tuple([z.number().int(), z.number().int(), z.string().min(1)]) }),
    z.object({ s: z.literal('updated'), k: z.tuple([z.number().int(), z.string().min(1)]) }),
  ])
  .transform(({ s, k }): TicketCursor => (s === 'due' ? { sort: s, rank: k[0], at: k[1], id: k[2] } : { sort: s, updatedAt: k[0], id: k[1] }));

export function encodeTicketCursor(cursor: TicketCursor): string {
  return encodeCursor(
    cursor.sort === 'due' ? { s: 'due', k: [cursor.rank, cursor.at, cursor.id] } : { s: 'updated', k: [cursor.updatedAt, cursor.id] },
  );
}

/** The cursor, or null when the string is not one of ours. */
export const decodeTicketCursor = (value: string): TicketCursor | null => decodeCursor(value, wire);
