import { refusal, type ChangedEvent, type Refused } from './lifecycle-types';

// The collision guard (SPEC §8): a reply, note or close written against an out-of-date screen.

/** Kinds of change that make what the sender saw out of date: a public message or a status change. */
const CHANGES_THAT_MATTER = new Set<ChangedEvent['kind']>(['replied', 'status_changed', 'closed']);

/**
 * Refuses an action when, among the events after the newest one the sender had on screen
 * (`seenEventId`), a public message was written or the status changed; null lets it through.
 * Internal events (notes) never make a screen out of date.
 *
 * @example
 * changedSince([{ id: 7, kind: 'replied', internal: false, … }], 6); // → CONFLICT ticket_changed
 */
export function changedSince(events: readonly ChangedEvent[], seenEventId: number): Refused | null {
  const changes = events.filter((e) => e.id > seenEventId && !e.internal && CHANGES_THAT_MATTER.has(e.kind));
  if (changes.length === 0) return null;
  return refusal('conflict', 'The ticket changed after you last saw it; read the changes, then send again.', {
    kind: 'ticket_changed',
    events: changes,
  });
}
