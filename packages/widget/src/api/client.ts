import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '@support-tickets/server';
import { toSupportError, type SupportTicketsError } from './errors';
import { followChanges, type ChangeListener } from './live';
import { createWireClient } from './wire';
import type {
  CreateInput,
  ListInput,
  MessagePage,
  Org,
  PlanInfo,
  TicketDetail,
  TicketPage,
} from './types';

/** Where the API's bearer token comes from; `refresh` asks the host for a new one. */
export interface TokenSource {
  current(): Promise<string | null>;
  /** A fresh token after an UNAUTHORIZED answer, or null when the host cannot give one. */
  refresh(): Promise<string | null>;
}

export interface ApiOptions {
  /** The server's origin (and base path); the API is at `${url}/trpc`. Empty: this origin. */
  url: string;
  tokens: TokenSource;
  /** Sees every failure once, after the retry (the element turns it into `support-error`). */
  onError?: (error: SupportTicketsError) => void;
  /** How requests travel; the page's `fetch` by default (tests hand in the server's own). */
  fetch?: typeof fetch;
  /** How the change stream is read; the page's `EventSource` by default. */
  EventSource?: typeof EventSource;
}

/** The procedures the widget uses, each failing with a `SupportTicketsError`. */
export interface SupportApi {
  listTickets(input: ListInput, signal?: AbortSignal): Promise<TicketPage>;
  getTicket(id: string, signal?: AbortSignal): Promise<TicketDetail>;
  /** The messages before `before` (a ticket's `messagesCursor`, or a page's `nextCursor`). */
  olderMessages(id: string, before: string, signal?: AbortSignal): Promise<MessagePage>;
  /** Mutations answer with the ticket as it now is. */
  createTicket(input: CreateInput): Promise<TicketDetail>;
  /** `seenEventId`: the newest timeline event on screen (the collision guard). */
  reply(id: string, body: string, attachmentIds?: string[], seenEventId?: number): Promise<TicketDetail>;
  close(id: string): Promise<TicketDetail>;
  /** The person's organisation; agents name one. */
  getOrg(signal?: AbortSignal, orgId?: string): Promise<Org>;
  listPlans(signal?: AbortSignal): Promise<PlanInfo[]>;
  // Agents only:
  note(id: string, body: string, attachmentIds?: string[], seenEventId?: number): Promise<TicketDetail>;
  /**
   * Follows `ticket.onChange` (every ticket the person may see) until the returned function
   * is called; reconnects by itself, with a fresh token, and says when it did.
   */
  follow(listener: ChangeListener): () => void;
  /** Any other procedure, with the same token handling and errors: the on-demand parts' way in. */
  call<T>(procedure: string, run: (client: TRPCClient<AppRouter>) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Where files are uploaded (`${url}/attachments`) and the tokens to send, for the attachments chunk. */
  files: { url: string; tokens: TokenSource };
}

export function createApi({ url, tokens, onError, fetch, EventSource }: ApiOptions): SupportApi {
  const endpoint = `${url.replace(/\/+$/, '')}/trpc`;
  // One call a request (no batching): the widget seldom makes two at once.
  const client = createWireClient({
    url: endpoint,
    fetch,
    async headers(): Promise<Record<string, string>> {
      const token = await tokens.current();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
  });

  let refreshing: Promise<string | null> | null = null;
  /** Tokens the host has handed over so far: a call sent before the latest one just retries. */
  let refreshes = 0;
  // Calls failing together share one refresh: the host is asked once.
  const refreshOnce = () => {
    refreshing ??= tokens
      .refresh()
      .then((token) => (token && refreshes++, token))
      .catch(() => null)
      .finally(() => (refreshing = null));
    return refreshing;
  };

  async function call<T>(procedure: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const sentAfter = refreshes;
    let error: SupportTicketsError;
    try {
      return await run();
    } catch (cause) {
      // A call its caller abandoned (the view moved on) is nobody's error.
      if (signal?.aborted) throw cause;
      error = toSupportError(cause, procedure);
    }
    // An expired token: ask the host for a new one (unless it gave one since) and retry once.
    if (error.code === 'UNAUTHORIZED' && (refreshes !== sentAfter || (await refreshOnce()))) {
      try {
        return await run();
      } catch (cause) {
        if (signal?.aborted) throw cause;
        error = toSupportError(cause, procedure);
      }
    }
    onError?.(error);
    throw error;
  }

  return {
    listTickets: (input, signal) => call('ticket.list', () => client.ticket.list.query(input, { signal }), signal),
    getTicket: (id, signal) => call('ticket.get', () => client.ticket.get.query({ id }, { signal }), signal),
    olderMessages: (id, before, signal) => call('ticket.messages', () => client.ticket.messages.query({ id, before }, { signal }), signal),
    createTicket: (input) => call('ticket.create', () => client.ticket.create.mutate(input)),
    reply: (id, body, attachmentIds, seenEventId) => call('ticket.reply', () => client.ticket.reply.mutate({ id, body, attachmentIds, seenEventId })),
    close: (id) => call('ticket.close', () => client.ticket.close.mutate({ id })),
    getOrg: (signal, orgId) =>
      call('org.get', () => client.org.get.query(orgId ? { orgId } : undefined, { signal }), signal),
    listPlans: (signal) => call('plan.list', () => client.plan.list.query(undefined, { signal }), signal),
    note: (id, body, attachmentIds, seenEventId) => call('ticket.note', () => client.ticket.note.mutate({ id, body, attachmentIds, seenEventId })),
    call: (procedure, run, signal) => call(procedure, () => run(client), signal),
    files: { url, tokens: { current: tokens.current, refresh: refreshOnce } },
    follow: (listener) =>
      followChanges({ url: `${endpoint}/ticket.onChange`, tokens: { current: tokens.current, refresh: refreshOnce }, listener, EventSource }),
  };
}
