import type {
  BusinessCalendar,
  ComplianceLevel,
  Priority,
  RefusalReason,
  SlaState,
  TicketActionName,
  ClosedTicketAction,
  TimelineEventKind,
} from '@support-tickets/core';
import type { TRPCClientError } from '@trpc/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { OrganisationOutput, PlanOutput } from '../orgs/service';
import type { SlaOverviewOutput } from '../sla/overview';
import type { SlaPolicyOutput, TicketDetailOutput, TicketListItem } from '../tickets/output';
import type { AppRouter, RouterOutputs } from './root';

// What user interfaces derive their types from: the router's outputs must be as precise as the
// implementation (nothing optional that is always sent, closed sets as unions). Checked by tsc.

describe('the router’s outputs', () => {
  it('are the implementation’s types, unchanged by the trip over JSON', () => {
    expectTypeOf<RouterOutputs['ticket']['get']>().toEqualTypeOf<TicketDetailOutput>();
    expectTypeOf<RouterOutputs['ticket']['create']>().toEqualTypeOf<TicketDetailOutput>();
    expectTypeOf<RouterOutputs['ticket']['reply']>().toEqualTypeOf<TicketDetailOutput>();
    expectTypeOf<RouterOutputs['ticket']['list']['items'][number]>().toEqualTypeOf<TicketListItem>();
    expectTypeOf<RouterOutputs['org']['get']>().toEqualTypeOf<OrganisationOutput>();
    expectTypeOf<RouterOutputs['org']['setPlan']>().toEqualTypeOf<OrganisationOutput>();
    expectTypeOf<RouterOutputs['plan']['list']>().toEqualTypeOf<PlanOutput[]>();
    expectTypeOf<RouterOutputs['sla']['overview']>().toEqualTypeOf<SlaOverviewOutput>();
  });

  it('carry what a user interface shows, decided by the server', () => {
    type Ticket = RouterOutputs['ticket']['list']['items'][number];
    expectTypeOf<Ticket['actions']>().toEqualTypeOf<Array<TicketActionName | ClosedTicketAction>>();
    expectTypeOf<Ticket['timeLeftMinutes']>().toEqualTypeOf<number | null>();
    expectTypeOf<Ticket['sla']>().toEqualTypeOf<SlaState>();
    expectTypeOf<Ticket['orgName']>().toEqualTypeOf<string | null>();
    expectTypeOf<RouterOutputs['org']['get']['availablePriorities']>().toEqualTypeOf<Priority[]>();
    expectTypeOf<RouterOutputs['sla']['overview']['compliance']['last7Days']['level']>().toEqualTypeOf<ComplianceLevel>();
  });

  it('name closed sets as unions', () => {
    type Detail = RouterOutputs['ticket']['get'];
    expectTypeOf<Detail['events'][number]['kind']>().toEqualTypeOf<TimelineEventKind>();
    expectTypeOf<Detail['cycles'][number]['policy']>().toEqualTypeOf<SlaPolicyOutput | null>();
    expectTypeOf<NonNullable<Detail['explanation']>['policy']['calendar']>().toEqualTypeOf<BusinessCalendar | null>();
    expectTypeOf<NonNullable<TRPCClientError<AppRouter>['data']>['reason']>().toEqualTypeOf<RefusalReason | null>();
  });
});
