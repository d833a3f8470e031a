import { createTestServer, type TestServer } from '@support-tickets/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_TEXT, PNG_1X1 } from './helpers/attachments';
import { NEW_TICKET, PEOPLE } from './helpers/server';
import { startSmtpSink } from './helpers/smtp-sink';
import { startReceiver } from './helpers/webhook-receiver';

// A message's files in notifications (SPEC §6, §7): by name and size only. A download link
// expires within the hour, while a webhook is retried and a mail read for days.

const customer = { ...PEOPLE.customerA, email: 'ava@example.com', locale: 'en' } as const;

let t: TestServer;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await t?.close({ removeFile: true });
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function upload(bytes: Uint8Array, name: string): Promise<string> {
  const res = await t.fetch('http://support.test/attachments', {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.token(PEOPLE.agent)}`, 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(name) },
    body: Buffer.from(bytes),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('files in notifications', () => {
  it('webhooks and mail list a reply’s files by name and size, with no link', async () => {
    const sink = await startSmtpSink();
    const receiver = await startReceiver();
    closers.push(() => sink.close(), () => receiver.close());
    t = await createTestServer({ notifications: { webhookAllowPrivate: true, mail: { smtpUrl: sink.url, from: 'Support <support@kubit.example>', ticketLink: null } } });
    const agent = await t.callerFor(PEOPLE.agent);
    receiver.useSecret((await agent.webhook.create({ url: receiver.url, events: ['ticket.replied'] })).secret);

    const ticket = await (await t.callerFor(customer)).ticket.create(NEW_TICKET);
    const files = [await upload(PNG_1X1, 'screen.png'), await upload(LOG_TEXT, 'kubelet.log')];
    await agent.ticket.reply({ id: ticket.id, body: 'Logs attached.', attachmentIds: files });
    await t.server.deliverNotifications();

    const [webhook] = receiver.received;
    expect(webhook!.payload.data.message).toMatchObject({
      body: 'Logs attached.',
      attachments: [
        { name: 'screen.png', size: PNG_1X1.length },
        { name: 'kubelet.log', size: LOG_TEXT.length },
      ],
    });
    for (const file of webhook!.payload.data.message.attachments) expect(Object.keys(file).sort()).toEqual(['name', 'size']);

    const [mail] = sink.mails;
    expect(mail!.text).toContain('Attached files:\n- screen.png (1 kB)\n- kubelet.log (1 kB)');
    expect(mail!.html).toContain('<li><bdi>screen.png (1 kB)</bdi></li>');
    expect(mail!.text).not.toContain('/attachments/');
    expect(mail!.html).not.toContain('/attachments/');
  });
});
