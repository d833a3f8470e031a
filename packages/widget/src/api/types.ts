import type { RouterInputs, RouterOutputs } from '@support-tickets/server';

// The API's answers and questions as the router declares them: the widget reads what the
// server sends, field for field, and a change on the server shows here at compile time.
// Instants travel as ISO strings (plain JSON, no transformer).

/** A ticket with its conversation, timeline, response cycles and SLA explanation (`ticket.get`, every ticket mutation). */
export type TicketDetail = RouterOutputs['ticket']['get'];
/** A row of `ticket.list`: agents' rows also name the organisation and its plan. */
export type TicketRow = RouterOutputs['ticket']['list']['items'][number];
export type TicketPage = RouterOutputs['ticket']['list'];
export type TicketMessage = TicketDetail['messages'][number];
/** Older messages of a ticket (`ticket.messages`), oldest first, and where the page before starts. */
export type MessagePage = RouterOutputs['ticket']['messages'];
export type TicketEvent = TicketDetail['events'][number];
export type SlaExplanation = NonNullable<TicketDetail['explanation']>;

/** The thread of a ticket: what a ticket without it leaves out. */
type Thread = 'messages' | 'messagesCursor' | 'events' | 'cycles' | 'explanation';
/** A ticket without its thread: what the public events carry in `detail.ticket`. */
export type Ticket = Omit<TicketDetail, Thread>;

/** The ticket of a public event: the detail without its thread. */
export function publicTicket({ messages: _m, messagesCursor: _mc, events: _e, cycles: _c, explanation: _x, ...ticket }: TicketDetail): Ticket {
  return ticket;
}

export type Org = RouterOutputs['org']['get'];
export type OrgPage = RouterOutputs['org']['list'];
/** An organisation in the agents' directory (`org.list`). */
export type OrgSummary = OrgPage['items'][number];
/** A plan of the table (`plan.list`), with the priorities it offers. */
export type PlanInfo = RouterOutputs['plan']['list'][number];
export type SlaOverview = RouterOutputs['sla']['overview'];
export type SlaOverviewRow = SlaOverview['open'][number];
export type ComplianceWindow = SlaOverview['compliance']['last7Days'];

/** One change pushed by `ticket.onChange` (each arrives wrapped in `tracked(id, …)`). */
export type TicketChange = RouterOutputs['ticket']['onChange'] extends AsyncIterable<infer C>
  ? C extends { data: infer D }
    ? D
    : C
  : never;

export type ListInput = NonNullable<RouterInputs['ticket']['list']>;
export type CreateInput = RouterInputs['ticket']['create'];
export type UpdateInput = Omit<RouterInputs['ticket']['update'], 'id'>;
export type OrgListInput = NonNullable<RouterInputs['org']['list']>;
/** What `org.setPlan` takes: a plan of the table, or custom targets and hours. */
export type PlanChange = RouterInputs['org']['setPlan'];

/** The person as the server knows them, with their mail preference (`me.get`). */
export type MeOutput = RouterOutputs['me']['get'];
/** A webhook endpoint (`webhook.list`), and one delivery of its log (`webhook.deliveries`). */
export type WebhookEndpoint = RouterOutputs['webhook']['list'][number];
export type WebhookDelivery = RouterOutputs['webhook']['deliveries']['items'][number];
