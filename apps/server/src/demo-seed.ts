import { signToken, silentLogger, type AppRouter, type SupportServer, type TokenClaims } from '@support-tickets/server';
import { createTRPCClient, httpLink } from '@trpc/client';
import { buildApp } from './app';
import { resolveAuthSecret, type AppConfig } from './config';
import { DEMO_AGENTS, demoOrganisations, type DemoOrganisation, type DemoStep, type DemoTicket } from './demo-data';

const HOUR = 3_600_000;

export interface SeedResult {
  /** Organisations loaded, by id. */
  seeded: string[];
  /** Organisations left alone because they already had tickets. */
  skipped: string[];
  tickets: number;
}

/** A typed API client calling the server in this process (its Hono app as the transport). */
export function inProcessClient(server: SupportServer, token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: 'http://in-process/trpc',
        headers: { authorization: `Bearer ${token}` },
        fetch: async (url, init) => server.app.fetch(new Request(url, init as RequestInit)),
      }),
    ],
  });
}

/**
 * Loads the demo organisations and their tickets through the API, as their people and two
 * agents would have, on a clock that replays their histories up to now: core decides every
 * status, due time and closing. An organisation that already has tickets is left alone.
 * With `onlyIfEmpty`, nothing is loaded unless the database has no organisation at all.
 */
export async function seedDemo(config: AppConfig, options: { onlyIfEmpty?: boolean } = {}): Promise<SeedResult> {
  const realNow = Date.now();
  let clock = realNow;
  // Replays many people's histories at a script's pace: no rate limit for this in-process server.
  const server = await buildApp(config, { now: () => new Date(clock), logger: silentLogger, rateLimits: false });
  const secret = resolveAuthSecret(config);
  const clientFor = async (claims: TokenClaims) => inProcessClient(server, await signToken(secret, claims));
  try {
    const agents = { agent: await clientFor(DEMO_AGENTS.agent), agent2: await clientFor(DEMO_AGENTS.agent2) };
    const result: SeedResult = { seeded: [], skipped: [], tickets: 0 };
    if (options.onlyIfEmpty && (await agents.agent.org.list.query({ limit: 1 })).items.length > 0) return result;

    const organisations: DemoOrganisation[] = [];
    for (const org of demoOrganisations(config.autoCloseHours)) {
      const existing = await agents.agent.ticket.list.query({ orgId: org.id, limit: 1 });
      (existing.items.length > 0 ? result.skipped : result.seeded).push(org.id);
      if (existing.items.length === 0) organisations.push(org);
    }

    // Every action of every ticket in time order, so the clock only moves forward.
    const actions: Action[] = [];
    const setUps: Array<() => Promise<unknown>> = [];
    for (const org of organisations) {
      const people = await Promise.all(org.people.map((person) => clientFor({ ...person, org: org.id, orgName: org.name })));
      // The first request of a person of the organisation creates it; then an agent sets its plan.
      setUps.push(async () => {
        await people[0]!.org.get.query();
        await agents.agent.org.setPlan.mutate({ orgId: org.id, ...org.plan });
      });
      for (const ticket of org.tickets) {
        const opener = people[ticket.by]!;
        actions.push(...ticketActions(ticket, opener, agents, realNow, config.autoCloseHours, () => server.closeDueTickets()));
      }
      result.tickets += org.tickets.length;
    }
    actions.sort((a, b) => a.at - b.at);
    clock = Math.min(realNow, (actions[0]?.at ?? realNow) - HOUR);
    for (const setUp of setUps) await setUp();
    for (const action of actions) {
      clock = Math.min(realNow, action.at);
      await action.run();
    }
    return result;
  } finally {
    await server.close();
  }
}

/**
 * The first start of a demo: loads the demo into an empty database. Never outside demo mode
 * (AUTH_SECRET set or NODE_ENV=production), never into a database that has an organisation.
 */
export function seedOnFirstStart(config: AppConfig): Promise<SeedResult | null> {
  return config.demo ? seedDemo(config, { onlyIfEmpty: true }) : Promise.resolve(null);
}

type Client = ReturnType<typeof inProcessClient>;
type Action = { at: number; run: () => Promise<unknown> };

/** The opening of a ticket and each of its steps, at their instants. */
function ticketActions(
  ticket: DemoTicket,
  customer: Client,
  agents: Record<'agent' | 'agent2', Client>,
  realNow: number,
  autoCloseHours: number,
  sweep: () => Promise<number>,
): Action[] {
  const { by: _by, openedHoursAgo, steps = [], autoClosed, ...input } = ticket;
  let at = realNow - openedHoursAgo * HOUR;
  let id = '';
  const actions: Action[] = [{ at, run: async () => (id = (await customer.ticket.create.mutate(input)).id) }];
  let lastAgentReply = at;
  for (const step of steps) {
    at += step.after * HOUR;
    if (step.do === 'reply' && step.as !== 'customer') lastAgentReply = at;
    const who = step.as === 'customer' ? customer : agents[step.as];
    actions.push({ at, run: () => runStep(who, id, step) });
  }
  // One minute past the auto-close time, the server's sweep closes it.
  if (autoClosed) actions.push({ at: lastAgentReply + autoCloseHours * HOUR + 60_000, run: sweep });
  return actions;
}

function runStep(who: Client, id: string, step: DemoStep): Promise<unknown> {
  switch (step.do) {
    case 'reply':
      return who.ticket.reply.mutate({ id, body: step.body });
    case 'note':
      return who.ticket.note.mutate({ id, body: step.body });
    case 'accept':
      return who.ticket.accept.mutate({ id });
    case 'close':
      return who.ticket.close.mutate({ id });
    case 'update':
      return who.ticket.update.mutate({ id, ...step.change });
  }
}
