import type { Category, Priority, RefusalReason, SlaState, Status, TimelineEventKind } from '@support-tickets/core';
import type { TRPCClientError } from '@trpc/client';
import { describe, expectTypeOf, it } from 'vitest';
import { createSupportClient, trpcEndpoint, type AppRouter, type RouterInputs, type RouterOutputs } from './index';

// The types are the product here: `tsc` checks these lines (and each @ts-expect-error must
// stay an error); at run time they only build a client, which sends nothing until called.

const support = createSupportClient({ url: 'http://127.0.0.1:9', token: 'token' });

describe('createSupportClient types', () => {
  it('types ticket.create: known categories and priorities only', () => {
    type Input = Parameters<typeof support.ticket.create.mutate>[0];
    expectTypeOf<Input>().toEqualTypeOf<RouterInputs['ticket']['create']>();
    expectTypeOf<Input['category']>().toEqualTypeOf<Category>();
    expectTypeOf<Input['priority']>().toEqualTypeOf<Priority | undefined>();
    const never = false as boolean;
    if (never) {
      // @ts-expect-error an unknown category is refused before anything is sent
      void support.ticket.create.mutate({ subject: 'VM down', body: 'Since 10:00', category: 'billing' });
      // @ts-expect-error the body is required
      void support.ticket.create.mutate({ subject: 'VM down', category: 'technical' });
      // @ts-expect-error unknown fields are refused too
      void support.ticket.create.mutate({ subject: 'VM down', body: 'b', category: 'technical', urgent: true });
    }
  });

  it('types what comes back: ISO strings for instants, nullable where SPEC §4 says', () => {
    type Ticket = Awaited<ReturnType<typeof support.ticket.get.query>>;
    expectTypeOf<Ticket>().toEqualTypeOf<RouterOutputs['ticket']['get']>();
    expectTypeOf<Ticket['dueAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<Ticket['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<Ticket['status']>().toEqualTypeOf<Status>();
    expectTypeOf<Ticket['sla']>().toEqualTypeOf<SlaState>();
    expectTypeOf<Ticket['closedBy']>().toEqualTypeOf<'customer' | 'agent' | 'system' | null>();
    expectTypeOf<Ticket['messages'][number]['visibility']>().toEqualTypeOf<'public' | 'internal'>();
    type Page = Awaited<ReturnType<typeof support.ticket.list.query>>;
    expectTypeOf<Page['nextCursor']>().toEqualTypeOf<string | null>();
  });

  it('types the agent view procedures', () => {
    type Orgs = Awaited<ReturnType<typeof support.org.list.query>>;
    expectTypeOf<Orgs['items'][number]>().toEqualTypeOf<{ id: string; name: string; planId: RouterOutputs['org']['get']['planId']; openTickets: number }>();
    type Overview = Awaited<ReturnType<typeof support.sla.overview.query>>;
    expectTypeOf<Overview['compliance']['last7Days']['share']>().toEqualTypeOf<number | null>();
    expectTypeOf<Overview['open'][number]['breached']>().toEqualTypeOf<number>();
    expectTypeOf<Exclude<Parameters<typeof support.ticket.list.query>[0], void | undefined>['planId']>().toEqualTypeOf<
      'enterprise' | 'sme' | 'business' | 'developer' | 'custom' | undefined
    >();
  });

  it('types a refusal’s reason, for wording it in another language', () => {
    type Data = NonNullable<TRPCClientError<AppRouter>['data']>;
    expectTypeOf<Data['reason']>().toEqualTypeOf<RefusalReason | null>();
  });

  it('types the live changes, tracked by event id', () => {
    // Optional as a whole; tRPC fills lastEventId itself when it resumes.
    expectTypeOf<RouterInputs['ticket']['onChange']>().toEqualTypeOf<
      void | { id?: string | undefined; lastEventId?: string | null | undefined } | undefined
    >();
    const never = false as boolean;
    if (never) {
      support.ticket.onChange.subscribe(
        { id: 'a-ticket' },
        {
          onData(change) {
            expectTypeOf(change.id).toEqualTypeOf<string>();
            expectTypeOf(change.data).toEqualTypeOf<{ eventId: string; seq: number; ticketId: string; orgId: string; kind: TimelineEventKind; at: string }>();
          },
        },
      );
    }
  });

  it('needs a token or a way to get one', () => {
    expectTypeOf(createSupportClient).toBeCallableWith({ url: 'https://support.example.com', getToken: async () => 'token' });
    // @ts-expect-error one of token / getToken is required
    createSupportClient({ url: 'https://support.example.com' });
  });
});

describe('trpcEndpoint', () => {
  it('accepts the origin or the endpoint, with or without a trailing slash', ({ expect }) => {
    expect(trpcEndpoint('https://s.example.com')).toBe('https://s.example.com/trpc');
    expect(trpcEndpoint('https://s.example.com/')).toBe('https://s.example.com/trpc');
    expect(trpcEndpoint('https://s.example.com/trpc/')).toBe('https://s.example.com/trpc');
    expect(trpcEndpoint('https://s.example.com/support/trpc')).toBe('https://s.example.com/support/trpc');
  });
});
