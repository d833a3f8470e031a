import { createSupportClient, type SupportClient } from '@support-tickets/client';
import { TRPCClientError } from '@trpc/client';
import type { TestServer } from './server';

export type Change = { id: string; data: { eventId: number; ticketId: string; orgId: string; kind: string; at: string } };

/** One `ticket.onChange` subscription and everything it received. */
export interface Watcher {
  changes: Change[];
  errors: TRPCClientError<any>[];
  states: string[];
  /** Resolves once the server acknowledged the subscription (it follows from then on). */
  started: Promise<void>;
  /** Resolves with the first error. */
  failed: Promise<TRPCClientError<any>>;
  /** Resolves when `predicate` holds for the changes received (checked on every change). */
  until(predicate: (changes: Change[]) => boolean, timeoutMs?: number): Promise<Change[]>;
  stop(): void;
}

export function watch(client: SupportClient, input?: { id?: string; lastEventId?: string }): Watcher {
  const changes: Change[] = [];
  const errors: TRPCClientError<any>[] = [];
  const states: string[] = [];
  const waiters = new Set<() => void>();
  let onStarted!: () => void;
  let onFailed!: (error: TRPCClientError<any>) => void;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const failed = new Promise<TRPCClientError<any>>((resolve) => (onFailed = resolve));
  const subscription = client.ticket.onChange.subscribe(input, {
    onStarted: () => onStarted(),
    onData(change) {
      changes.push(change);
      for (const check of waiters) check();
    },
    onError(error) {
      errors.push(error);
      onFailed(error);
    },
    onConnectionStateChange(state) {
      states.push(state.state);
    },
  });
  return {
    changes,
    errors,
    states,
    started,
    failed,
    until(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(changes)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(changes);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out with ${changes.length} change(s): ${changes.map((c) => c.data.kind).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => subscription.unsubscribe(),
  };
}

/** A client of the package under test, for one of the test server's people. */
export async function liveClient(t: TestServer, who: Parameters<TestServer['token']>[0]): Promise<SupportClient> {
  return createSupportClient({ url: t.origin, token: await t.token(who) });
}

export interface EventRow {
  id: number;
  ticket_id: string;
  kind: string;
  internal: number;
}

/** The timeline rows after `afterId`, straight from the database. */
export async function eventsAfter(t: TestServer, afterId: number): Promise<EventRow[]> {
  return t.query<EventRow>('SELECT id, ticket_id, kind, internal FROM ticket_events WHERE id > ? ORDER BY id', [afterId]);
}

export async function lastEventId(t: TestServer): Promise<number> {
  const [row] = await t.query<{ id: number | null }>('SELECT max(id) AS id FROM ticket_events');
  return Number(row?.id ?? 0);
}
