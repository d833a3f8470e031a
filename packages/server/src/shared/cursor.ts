import type { z } from 'zod';

// Keyset cursors: the sort key of the last item seen, opaque to clients (base64url of JSON).
// A page after it is "keys strictly beyond this one", so inserts never shift or repeat items.

/** The cursor for a sort key. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key in a cursor, as `shape` reads it; null when the string is not one of ours. */
export function decodeCursor<T>(value: string, shape: z.ZodType<T>): T | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = shape.safeParse(json);
  return parsed.success ? parsed.data : null;
}
