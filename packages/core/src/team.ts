// Agents working as a team (SPEC §8): saved replies, presence, bulk actions.

/** Placeholders a saved reply may hold, filled when it is inserted into a reply. */
export const MACRO_PLACEHOLDERS = ['customer.name', 'agent.name', 'ticket.number'] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

export const MACRO_TITLE_MAX = 100;

/**
 * A saved reply's body with its placeholders filled for one ticket; unknown `{{…}}` stay as written.
 *
 * @example
 * fillPlaceholders('Hi {{customer.name}}, #{{ticket.number}}', { 'customer.name': 'Sara', 'agent.name': 'Omid', 'ticket.number': '1042' });
 * // → 'Hi Sara, #1042'
 */
export function fillPlaceholders(body: string, values: Record<MacroPlaceholder, string>): string {
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    (MACRO_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as MacroPlaceholder] : whole,
  );
}

/** Presence fades this long after a person's last sign of life (SPEC §8: within 30 s). */
export const PRESENCE_TTL_MS = 30_000;
/** How often an open ticket page says it is still there: well inside the time to live. */
export const PRESENCE_BEAT_MS = 10_000;

export type PresenceState = 'viewing' | 'typing';

/** Whether a sign of life at `seenAt` still shows at `now`. */
export const isPresent = (seenAt: Date, now: Date): boolean => now.getTime() - seenAt.getTime() < PRESENCE_TTL_MS;

/** The most tickets one bulk action takes. */
export const BULK_MAX_TICKETS = 100;
