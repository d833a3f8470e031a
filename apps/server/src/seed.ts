import { signToken, silentLogger, type RouterInputs, type TicketDetailOutput } from '@support-tickets/server';
import { buildApp } from './app';
import { ConfigError, loadConfig, resolveAuthSecret } from './config';
import { DEMO_USERS } from './routes';

// Loads a few organisations on different plans with tickets in every status. Everything goes
// through the API, so the rules of core apply; the server runs on a seed clock that starts
// a few days ago so the timelines look lived-in, and never runs past the real one. Organisations
// that already have tickets are left alone, so running it twice adds nothing.

const HOUR = 3_600_000;
const realNow = Date.now();
let clock = realNow;
const advance = (hours: number) => (clock = Math.min(realNow, clock + hours * HOUR));

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
})();
const secret = resolveAuthSecret(config);
const server = await buildApp(config, { now: () => new Date(clock), logger: silentLogger });

async function call<T>(token: string, path: string, input?: unknown): Promise<T> {
  const query = path === 'ticket.list' || path === 'org.get';
  const url = query ? `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}` : `/trpc/${path}`;
  const res = await server.app.request(url, {
    method: query ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(query ? {} : { body: JSON.stringify(input ?? {}) }),
  });
  const json = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!json.result) throw new Error(`${path} failed: ${json.error?.message ?? res.status}`);
  return json.result.data;
}

const token = (claims: Parameters<typeof signToken>[1]) => signToken(secret, claims);
const agent = await token(DEMO_USERS.agent);
const agent2 = await token({ sub: 'agent-sara', role: 'agent', name: 'Sara Ahmadi' });

interface SeedOrg {
  id: string;
  name: string;
  plan: RouterInputs['org']['setPlan'];
  customers: Array<{ sub: string; name: string; role?: 'customer' | 'org_admin' }>;
}

const orgs: SeedOrg[] = [
  {
    id: DEMO_USERS.customer.org,
    name: DEMO_USERS.customer.orgName,
    plan: { orgId: DEMO_USERS.customer.org, plan: 'developer' },
    customers: [
      { sub: DEMO_USERS.customer.sub, name: DEMO_USERS.customer.name },
      { sub: DEMO_USERS.org_admin.sub, name: DEMO_USERS.org_admin.name, role: 'org_admin' },
    ],
  },
  {
    id: 'acme',
    name: 'Acme Cloud',
    plan: { orgId: 'acme', plan: 'enterprise' },
    customers: [{ sub: 'acme-ops', name: 'Reza Karimi' }],
  },
  {
    id: 'parsmarket',
    name: 'ParsMarket',
    plan: { orgId: 'parsmarket', plan: 'sme' },
    customers: [{ sub: 'pm-dev', name: 'Neda Rahimi' }],
  },
  {
    id: 'kavir-labs',
    name: 'Kavir Labs',
    plan: { orgId: 'kavir-labs', plan: 'business' },
    customers: [{ sub: 'kavir-cto', name: 'Ali Moradi', role: 'org_admin' }],
  },
];

let created = 0;
for (const org of orgs) {
  const existing = await call<{ items: unknown[] }>(agent, 'ticket.list', { orgId: org.id, limit: 1 });
  if (existing.items.length > 0) {
    console.log(`${org.id}: already seeded, skipped`);
    continue;
  }
  const people = await Promise.all(
    org.customers.map((person) =>
      token({ sub: person.sub, role: person.role ?? 'customer', org: org.id, orgName: org.name, name: person.name }),
    ),
  );
  const customer = people[0]!;
  const admin = people[people.length - 1]!;
  // The first request of the organisation creates it; then its plan is set.
  await call(customer, 'org.get');
  await call(agent, 'org.setPlan', org.plan);
  const open = (subject: string, body: string, category: string, who = customer, priority?: string) =>
    call<TicketDetailOutput>(who, 'ticket.create', { subject, body, category, ...(priority ? { priority } : {}) });
  const low = org.id === DEMO_USERS.customer.org ? 'low' : 'high';

  // closed by the system: support's answer went unanswered for longer than the auto-close delay.
  clock = realNow - (config.autoCloseHours + 22) * HOUR;
  const stale = await open('Snapshot restore failed', 'Restoring snapshot snap-77 fails with an unknown error.', 'technical');
  advance(1);
  await call(agent, 'ticket.reply', { id: stale.id, body: 'Fixed on our side; does it work now?' });

  clock = realNow - 20 * HOUR;
  // awaiting_response: nobody has looked yet.
  advance(1);
  await open('Cannot reach my VM over SSH', 'Since this morning ssh times out on port 22.\nThe console works.', 'technical');
  // in_progress: accepted, with an internal note.
  advance(1);
  const invoice = await open('Invoice shows a double charge', 'Order 1402-118 was charged twice.', 'financial', admin, low);
  advance(0.5);
  await call(agent2, 'ticket.accept', { id: invoice.id });
  await call(agent2, 'ticket.note', { id: invoice.id, body: 'Checked the gateway: second charge is pending, not settled.' });
  // awaiting_customer: support asked a question (closes by itself 48 h after the reply).
  advance(2);
  const quota = await open('Raise the volume quota', 'We need 2 TB more block storage in the Tehran region.', 'sales');
  advance(3);
  await call(agent, 'ticket.reply', { id: quota.id, body: 'Which project should get the extra quota?' });
  // awaiting_response again: the customer answered a question.
  advance(1);
  const dns = await open('DNS records not propagating', 'The new A record is not visible after two hours.', 'technical');
  advance(1);
  await call(agent, 'ticket.reply', { id: dns.id, body: 'Could you share the zone name?' });
  advance(1);
  await call(customer, 'ticket.reply', { id: dns.id, body: 'example.ir — thanks!' });
  // closed by the customer and by an agent.
  advance(1);
  const activation = await open('Activate my account', 'The activation email never arrived.', 'activation');
  advance(1);
  await call(agent, 'ticket.reply', { id: activation.id, body: 'Activated by hand; please try again.' });
  advance(1);
  await call(customer, 'ticket.close', { id: activation.id });
  advance(1);
  const docs = await open('Where is the API documentation?', 'Looking for the object storage API reference.', 'technical', admin);
  advance(1);
  await call(agent2, 'ticket.reply', { id: docs.id, body: 'Here: https://docs.example.com/object-storage' });
  await call(agent2, 'ticket.close', { id: docs.id });

  clock = realNow;
  await server.closeDueTickets(); // the stale one
  created += 7;
  console.log(`${org.id}: seeded 7 tickets`);
}

await server.close();
console.log(created > 0 ? `seeded ${created} tickets` : 'nothing to seed');
