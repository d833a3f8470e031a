import { createTestServer, type TestServer } from '@support-tickets/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_TICKET, PEOPLE } from './helpers/server';
import { startSmtpSink } from './helpers/smtp-sink';

// Mail end to end (SPEC §6): a real SMTP server on 127.0.0.1 receives what the dispatcher
// sends, and mailparser reads it as a mail program would.

const customer = { ...PEOPLE.customerA, email: 'ava@example.com' } as const; // Persian by default
const agent = { ...PEOPLE.agent, email: 'sara@support.example', locale: 'en' } as const;

let t: TestServer;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
afterEach(async () => {
  await t?.close({ removeFile: true });
  await sink?.close();
});

async function setUp() {
  sink = await startSmtpSink();
  t = await createTestServer({
    notifications: { mail: { smtpUrl: sink.url, from: 'Kubit Support <support@kubit.example>', ticketLink: 'https://panel.example.com/support?ticket={id}' } },
  });
  return { asCustomer: await t.callerFor(customer), asAgent: await t.callerFor(agent) };
}

describe('mail', () => {
  it('tells the creator of an agent reply in Persian, right to left, threaded, escaped, with a link', async () => {
    const { asCustomer, asAgent } = await setUp();
    const ticket = await asCustomer.ticket.create({ ...NEW_TICKET, subject: 'سرور <b>قطع</b>' });
    await asAgent.ticket.note({ id: ticket.id, body: 'internal: never mailed' });
    await asAgent.ticket.reply({ id: ticket.id, body: 'Try <script>alert(1)</script>\nthen reboot.' });
    await t.server.deliverNotifications();

    expect(sink.mails).toHaveLength(1);
    const [mail] = sink.mails;
    expect(mail!.envelopeTo).toEqual(['ava@example.com']);
    expect(mail!.subject).toBe(`[#${ticket.number}] سرور <b>قطع</b> — پشتیبانی به درخواست شما پاسخ داد`);
    expect(mail!.html).toContain('dir="rtl"');
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain('سرور &lt;b&gt;قطع&lt;/b&gt;');
    expect(mail!.text).toContain('> Try <script>alert(1)</script>\n> then reboot.');
    expect(mail!.text).not.toContain('internal');
    const link = `https://panel.example.com/support?ticket=${ticket.id}`;
    expect(mail!.text).toContain(link);
    expect(mail!.headers.get('list')).toMatchObject({ unsubscribe: { url: link } });
    expect(mail!.inReplyTo).toBe(`<ticket-${ticket.id}@kubit.example>`);
    expect(mail!.references).toBe(`<ticket-${ticket.id}@kubit.example>`);
    expect(mail!.messageId).toMatch(/^<msg_[0-9a-f]+\.[0-9a-f-]+@kubit\.example>$/);
  });

  it('tells the assignee of a customer reply in their language, the creator of closing, and nobody turned off', async () => {
    const { asCustomer, asAgent } = await setUp();
    const ticket = await asCustomer.ticket.create(NEW_TICKET);
    await asAgent.ticket.accept({ id: ticket.id });
    await asCustomer.ticket.reply({ id: ticket.id, body: 'Still down.' });
    await t.server.deliverNotifications();
    expect(sink.mails.map((m) => [m.envelopeTo[0], m.subject])).toEqual([
      ['sara@support.example', `[#${ticket.number}] ${NEW_TICKET.subject} — The customer replied to the ticket`],
    ]);
    expect(sink.mails[0]!.html).toContain('dir="ltr"');

    await asCustomer.me.notifications({ email: false });
    await asAgent.ticket.reply({ id: ticket.id, body: 'Fixed.' });
    await asAgent.ticket.close({ id: ticket.id });
    await t.server.deliverNotifications();
    expect(sink.mails).toHaveLength(1);

    await asCustomer.me.notifications({ email: true });
    const other = await asCustomer.ticket.create({ ...NEW_TICKET, subject: 'Billing' });
    await asAgent.ticket.close({ id: other.id });
    await t.server.deliverNotifications();
    expect(sink.mails.map((m) => m.subject)).toEqual([expect.any(String), `[#${other.number}] Billing — درخواست شما بسته شد`]);
  });

  it('refuses bad mail settings at start-up with a clear error', async () => {
    const bad = [
      [{ smtpUrl: 'http://mail.example.com', from: 'a@b.c', ticketLink: null }, /smtp:\/\//],
      [{ smtpUrl: 'smtp://mail.example.com', from: 'nobody', ticketLink: null }, /MAIL_FROM/],
      [{ smtpUrl: 'smtp://mail.example.com', from: 'a@b.c', ticketLink: 'https://panel.example.com/' }, /\{id\}/],
    ] as const;
    for (const [mail, message] of bad) {
      await expect(createTestServer({ notifications: { mail } })).rejects.toThrow(message);
    }
  });
});
