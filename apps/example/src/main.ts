/**
 * A host back-end's integration, start to finish: sign a token for one of your users, open a
 * ticket, list, reply, and follow the ticket's changes live.
 *
 *   SUPPORT_API_URL=http://localhost:3000 AUTH_SECRET=… pnpm --filter @support-tickets/example start
 */
import { createSupportClient } from '@support-tickets/client';
import { signToken } from '@support-tickets/server';

const apiUrl = process.env.SUPPORT_API_URL ?? 'http://localhost:3000';
const secret = process.env.AUTH_SECRET;
if (!secret) {
  console.error('Set AUTH_SECRET to the secret the server signs tokens with.');
  process.exit(2);
}

// 1. Sign a short-lived token for the signed-in user of your own site.
const token = await signToken(secret, {
  sub: 'example-user',
  role: 'customer',
  org: 'example-org',
  name: 'Example User',
  exp: Math.floor(Date.now() / 1000) + 15 * 60,
});
const support = createSupportClient({ url: apiUrl, token });

// 2. Open a ticket.
const ticket = await support.ticket.create.mutate({
  subject: 'Cannot reach my VM over SSH',
  body: 'Port 22 times out since the maintenance window.',
  category: 'technical',
});
console.log(`created ${ticket.id} (${ticket.status}, reply due ${ticket.dueAt ?? 'no target'})`);

// 3. Follow its changes while we work on it (server-sent events).
const changes: string[] = [];
let onStarted = () => {};
const started = new Promise<void>((resolve) => (onStarted = resolve));
const subscription = support.ticket.onChange.subscribe(
  { id: ticket.id },
  {
    onStarted: () => onStarted(),
    // Each change arrives as `{ id, data }`: the id lets a reconnecting client resume where it left off.
    onData: ({ data: change }) => {
      changes.push(change.kind);
      console.log(`change: ${change.kind} at ${change.at}`);
    },
    onError: (error) => console.error(`subscription error: ${error.message}`),
  },
);
await started;

// 4. List the user's tickets and add a detail.
const { items } = await support.ticket.list.query({ limit: 10 });
console.log(`listed ${items.length} ticket(s); newest: ${items[0]?.subject}`);
await support.ticket.reply.mutate({ id: ticket.id, body: 'It happens from every network we tried.' });
console.log('replied');

// Give the live change a moment to arrive, then stop following.
const deadline = Date.now() + 5_000;
while (changes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
subscription.unsubscribe();
console.log(`received ${changes.length} live change(s)`);
process.exit(changes.length > 0 ? 0 : 1);
