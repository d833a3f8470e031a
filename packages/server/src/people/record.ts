import { DEFAULT_LOCALE } from '@support-tickets/core';
import { sql } from 'drizzle-orm';
import { NO_ORG, people } from '../db/schema';
import { personKey, type Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';

/** How stale `last_seen_at` may grow before a request of the person writes it again. */
export const LAST_SEEN_REFRESH_MS = 15 * 60_000;

/**
 * Keeps the person's row as their latest verified token says (role, name, and the email and
 * locale when the token carries them; the person's own email choice is never touched). Cheap
 * on the hot path: it writes only when the details differ from what this process last wrote,
 * or `last_seen_at` is older than `LAST_SEEN_REFRESH_MS`.
 */
export async function recordPerson(deps: ServiceDeps, caller: Caller): Promise<void> {
  if (!caller.userId || caller.role === 'system') return;
  const key = personKey(caller);
  const details = JSON.stringify([caller.role, caller.name, caller.email, caller.locale]);
  const now = deps.now();
  const seen = deps.seenPeople.get(key);
  if (seen && seen.details === details && now.getTime() - seen.writtenAt < LAST_SEEN_REFRESH_MS) return;

  const row = {
    id: caller.userId,
    orgId: caller.orgId ?? NO_ORG,
    role: caller.role,
    name: caller.name,
    email: caller.email,
    locale: caller.locale ?? DEFAULT_LOCALE,
    lastSeenAt: now,
    createdAt: now,
  };
  try {
    await deps.database.write((tx) =>
      tx
        .insert(people)
        .values(row)
        .onConflictDoUpdate({
          target: [people.orgId, people.id],
          set: {
            role: row.role,
            name: row.name,
            // A token without an address or a language leaves the ones known before.
            email: sql`coalesce(excluded.email, ${people.email})`,
            ...(caller.locale ? { locale: caller.locale } : {}),
            lastSeenAt: now,
          },
        }),
    );
  } catch (error) {
    // Mail and the team list read this row; no request fails for it; the next one writes it again.
    deps.log.error('could not record a person', { error: String(error) });
    return;
  }
  deps.seenPeople.set(key, { details, writtenAt: now.getTime() });
}
