/**
 * Tickets for the benchmarks, through the API's procedures in-process (core decides every due
 * time), in one transaction: 40 organisations on the four plans, five customers each, a fifth
 * of the tickets accepted, a tenth answered. Subjects and bodies carry words from a small
 * vocabulary so searches find many tickets, or none.
 */
import type { TokenClaims } from '@support-tickets/server';
import { seedInOneTransaction, type TestClock } from '@support-tickets/server/testing';

export const agentClaims: TokenClaims = { sub: 'bench-agent', role: 'agent', name: 'Bench Agent' };
export const customerClaims: TokenClaims = { sub: 'bench-org-0-c0', role: 'customer', org: 'bench-org-0', name: 'C' };
export const adminClaims: TokenClaims = { sub: 'bench-org-0-admin', role: 'org_admin', org: 'bench-org-0', name: 'A' };

const WORDS = ['server', 'disk', 'network', 'billing', 'invoice', 'dns', 'kubernetes', 'backup', 'سرور', 'دیسک', 'شبکه', 'صورتحساب'];

export interface Seeded {
  someTicket: string;
  /** A priority the customer's plan offers. */
  createPriority: 'critical' | 'urgent' | 'high' | 'normal' | 'low';
}

export async function seedTickets(dbFile: string, clock: TestClock, count: number): Promise<Seeded> {
  const seeded: Seeded = { someTicket: '', createPriority: 'normal' };
  await seedInOneTransaction(dbFile, clock.now, async (callerFor) => {
    const agent = await callerFor(agentClaims);
    const orgs = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const id = `bench-org-${i}`;
        // Five customers per organisation; the first request of one creates the organisation.
        const customers = await Promise.all(Array.from({ length: 5 }, (_, c) => callerFor({ sub: `${id}-c${c}`, role: 'customer', org: id, name: 'C' })));
        return { id, customers };
      }),
    );
    const offered = new Map<string, Array<Seeded['createPriority']>>();
    for (const [i, org] of orgs.entries()) {
      await org.customers[0]!.org.get();
      const plan = (['enterprise', 'sme', 'business', 'developer'] as const)[i % 4]!;
      offered.set(org.id, (await agent.org.setPlan({ orgId: org.id, plan })).availablePriorities);
      if (i === 0) seeded.createPriority = offered.get(org.id)![0]!;
    }
    for (let i = 0; i < count; i++) {
      clock.advance(20_000); // spread over days: some breached, most not
      const org = orgs[i % orgs.length]!;
      const priorities = offered.get(org.id)!;
      const word = (k: number) => WORDS[(i * 7 + k) % WORDS.length]!;
      const created = await org.customers[i % 5]!.ticket.create({
        subject: `${word(0)} ${word(1)} ticket ${i}`,
        body: `Load test about the ${word(2)} and the ${word(3)}`,
        category: (['activation', 'technical', 'financial', 'sales'] as const)[i % 4]!,
        priority: priorities[i % priorities.length]!,
      });
      seeded.someTicket = created.id;
      if (i % 5 === 0) await agent.ticket.accept({ id: created.id });
      if (i % 10 === 3) await agent.ticket.reply({ id: created.id, body: `An answer about the ${word(4)}` });
    }
  });
  return seeded;
}
