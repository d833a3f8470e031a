import type { Category, Plan, PlanId, Priority, Role, Status, SlaState, SupportHours } from '@support-tickets/core';

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
  /** Agents' lists: the organisation's name and current plan. */
  orgName?: string | null;
  orgPlan?: PlanId | 'custom' | null;
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
  /** Internal events (notes) only ever reach agents. */
  internal?: boolean;
  at: string;
}

/** Why the open response cycle is due when it is (agents read it; customers get it too). */
export interface SlaExplanation {
  policy: { planId: PlanId | 'custom'; priority: Priority; targetMinutes: number; hours: SupportHours };
  startedAt: string;
  dueAt: string;
  timeZone: string;
  /** The working periods counted, which add up to the target. */
  periods: Array<{ start: string; end: string; minutes: number }>;
  /** The server's explanation in English. */
  summary: string;
}

export interface TicketDetail extends Ticket {
  messages: TicketMessage[];
  events: TicketEvent[];
  explanation?: SlaExplanation | null;
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

export interface ListInput {
  status?: Status;
  priority?: Priority;
  category?: Category;
  /** Agents: one organisation's tickets. */
  orgId?: string;
  /** Agents: tickets of organisations on this plan. */
  planId?: PlanId | 'custom';
  assignedToMe?: boolean;
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
  planId?: PlanId | 'custom';
  openTickets?: number;
}

/** An organisation in the agents' directory (`org.list`). */
export interface OrgSummary {
  id: string;
  name: string;
  planId: PlanId | 'custom';
  openTickets: number;
}

export interface OrgPage {
  items: OrgSummary[];
  nextCursor: string | null;
}

export interface OrgListInput {
  q?: string;
  planId?: PlanId | 'custom';
  cursor?: string;
  limit?: number;
}

/** What `org.setPlan` takes: a plan of the table, or custom targets and hours. */
export type PlanChange =
  | { orgId: string; plan: PlanId }
  | { orgId: string; custom: { responseMinutes: Partial<Record<Priority, number>>; hours: SupportHours } };

export interface SlaOverviewRow {
  planId: PlanId | 'custom';
  priority: Priority;
  breached: number;
  atRisk: number;
  onTrack: number;
  paused?: number;
  none?: number;
  total: number;
}

export interface ComplianceWindow {
  met: number;
  missed: number;
  total: number;
  /** met / total; null when no cycle settled in the window. */
  share: number | null;
}

export interface SlaOverview {
  generatedAt: string;
  open: SlaOverviewRow[];
  compliance: { last7Days: ComplianceWindow; last30Days: ComplianceWindow };
}

/** One change pushed by `ticket.onChange`. */
export interface TicketChange {
  ticketId: string;
  orgId?: string;
  kind: string;
  at: string;
  /** Opaque: what a reconnecting stream resumes from. */
  eventId?: string;
  /** The event's number in its ticket. */
  seq?: number;
}

/** The ticket without its thread: what the public events carry. */
export function withoutThread(detail: Ticket & Partial<Pick<TicketDetail, 'messages' | 'events'>>): Ticket {
  const { messages: _messages, events: _events, ...ticket } = detail as TicketDetail & Record<string, unknown>;
  delete ticket['cycles'];
  delete ticket['explanation'];
  return ticket;
}
