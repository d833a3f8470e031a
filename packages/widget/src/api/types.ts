import type { Category, Plan, PlanId, Priority, Role, Status, SlaState } from '@support-tickets/core';

/**
 * The API's answers as the widget reads them (SPEC §4). Instants travel as ISO strings: the
 * API speaks plain JSON. `client.ts` checks these against the server's `AppRouter` types.
 */
export interface Ticket {
  id: string;
  orgId: string;
  subject: string;
  category: Category;
  priority: Priority;
  status: Status;
  createdBy: string;
  createdByName?: string | null;
  assigneeId: string | null;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  sla: SlaState;
  timeLeftMinutes?: number | null;
  autoCloseAt: string | null;
  closedAt: string | null;
  closedBy: 'customer' | 'agent' | 'system' | null;
}

export interface TicketMessage {
  id: string;
  authorId: string;
  authorName?: string | null;
  authorRole: Role;
  visibility?: 'public' | 'internal';
  body: string;
  createdAt: string;
}

export interface TicketEvent {
  id?: number | string;
  kind: string;
  actor: Role | 'system';
  actorId: string | null;
  actorName?: string | null;
  from: string | null;
  to: string | null;
  at: string;
}

export interface TicketDetail extends Ticket {
  messages: TicketMessage[];
  events: TicketEvent[];
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

export interface ListInput {
  status?: Status;
  q?: string;
  sort?: 'due' | 'updated';
  cursor?: string;
  limit?: number;
}

export interface CreateInput {
  subject: string;
  body: string;
  category: Category;
  priority?: Priority;
}

/** A plan as the API returns it: the domain plan, possibly with more facts. */
export type PlanInfo = Plan & { id: PlanId | 'custom' };

export interface Org {
  id: string;
  name: string;
  plan: PlanInfo;
  availablePriorities: Priority[];
}

/** The ticket without its thread: what the public events carry. */
export function withoutThread(detail: Ticket & Partial<Pick<TicketDetail, 'messages' | 'events'>>): Ticket {
  const { messages: _messages, events: _events, ...ticket } = detail as TicketDetail & Record<string, unknown>;
  delete ticket['cycles'];
  delete ticket['explanation'];
  return ticket;
}
