import type { RouterInputs } from '@support-tickets/server';
import table from './demo-tickets.json' with { type: 'json' };
import { DEMO_USERS } from './routes';

// What the demo shows on its first start: organisations on every kind of plan, their people,
// and tickets in both languages whose histories put them in every status and SLA state. The
// content is a table (demo-tickets.json); times count back from the moment of seeding, so the
// SLA states hold when the page opens.

type TicketInput = RouterInputs['ticket']['create'];
/** `Omit` for each member of a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Agent = 'agent' | 'agent2';

export const DEMO_AGENTS = {
  agent: DEMO_USERS.agent,
  agent2: { sub: 'agent-sara', role: 'agent', name: 'Sara Ahmadi' },
} as const;

export type DemoStep = { after: number } & (
  | { as: Agent | 'customer'; do: 'reply'; body: string }
  | { as: Agent; do: 'note'; body: string }
  | { as: Agent; do: 'accept' }
  | { as: Agent | 'customer'; do: 'close' }
  | { as: Agent; do: 'update'; change: Omit<RouterInputs['ticket']['update'], 'id'> }
);

export interface DemoTicket extends TicketInput {
  /** Which of the organisation's people opens it (index into `people`). */
  by: number;
  openedHoursAgo: number;
  /** In the table: this many times the auto-close delay more (a ticket left waiting that long). */
  plusAutoClose?: number;
  /** What follows, in order; `after` counts hours from the step before (or the opening). */
  steps?: DemoStep[];
  /** Left waiting on the customer until the server closes it by itself. */
  autoClosed?: true;
}

export interface DemoOrganisation {
  id: string;
  name: string;
  plan: Without<RouterInputs['org']['setPlan'], 'orgId'>;
  people: Array<{ sub: string; name: string; role: 'customer' | 'org_admin' }>;
  tickets: DemoTicket[];
}

/** The table as written: the demo customer's organisation takes its id, name and people from `DEMO_USERS`. */
interface DemoTable {
  demoCustomer: Pick<DemoOrganisation, 'plan' | 'tickets'>;
  partners: DemoOrganisation[];
}

// The API checks every value of the table as the seed sends it (demo-seed.test.ts loads it all).
const TABLE = table as DemoTable;

/** The demo's organisations; `autoCloseHours` is the server's delay before closing unanswered tickets. */
export function demoOrganisations(autoCloseHours: number): DemoOrganisation[] {
  const { customer, org_admin: admin } = DEMO_USERS;
  const demoCustomer: DemoOrganisation = {
    id: customer.org,
    name: customer.orgName,
    people: [
      { sub: customer.sub, name: customer.name, role: 'customer' },
      { sub: admin.sub, name: admin.name, role: 'org_admin' },
    ],
    ...TABLE.demoCustomer,
  };
  return [demoCustomer, ...TABLE.partners].map((org) => ({
    ...org,
    tickets: org.tickets.map(({ plusAutoClose = 0, ...ticket }) => ({ ...ticket, openedHoursAgo: ticket.openedHoursAgo + plusAutoClose * autoCloseHours })),
  }));
}
