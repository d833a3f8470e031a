import { describe, expect, it } from 'vitest';
import { HTML_PAGE, LOG_TEXT, PNG_1X1, uploadRaw } from './helpers/attachments';
import { expectCode, HOUR, MINUTE, NEW_TICKET, serverForTests, type Person } from './helpers/server';

// SPEC §7: files go on messages through `attachmentIds` (at most 5, only the caller's own
// unattached uploads), come back with signed links that expire in an hour, are shown inline
// only as PNG/JPEG/GIF/WebP, never reach another organisation, and never reach a customer
// from an internal note.

const t = serverForTests();

async function upload(who: Person, bytes: Uint8Array = PNG_1X1, name = 'screen.png'): Promise<string> {
  const res = await uploadRaw(t.origin, await t.token(who), bytes, name);
  expect(res.status).toBe(201);
  return res.json.id as string;
}

const download = (url: string) => fetch(new URL(url, t.origin));

describe('attachments on messages', () => {
  it('a new ticket carries its files with links; an image shows inline, a log downloads', async () => {
    const customer = await t.as('customerA');
    const ids = [await upload('customerA'), await upload('customerA', LOG_TEXT, 'kubelet.log')];
    const ticket = await customer.ticket.create.mutate({ ...NEW_TICKET, attachmentIds: ids });
    const [first] = ticket.messages;
    expect(first!.attachments.map(({ id, name, size, contentType }) => ({ id, name, size, contentType }))).toEqual([
      { id: ids[0], name: 'screen.png', size: PNG_1X1.length, contentType: 'image/png' },
      { id: ids[1], name: 'kubelet.log', size: LOG_TEXT.length, contentType: 'text/plain' },
    ]);

    const image = await download(first!.attachments[0]!.url);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG_1X1);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toBe(`inline; filename="screen.png"; filename*=UTF-8''screen.png`);
    expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin');

    const log = await download(first!.attachments[1]!.url);
    expect(await log.text()).toBe(LOG_TEXT.toString());
    expect(log.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(log.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves an HTML page named .png as a download that can run nothing, under a safe name', async () => {
    const customer = await t.as('customerA');
    const id = await upload('customerA', HTML_PAGE, 'عکس "صفحه".png');
    const ticket = await customer.ticket.create.mutate({ ...NEW_TICKET, attachmentIds: [id] });
    const res = await download(ticket.messages[0]!.attachments[0]!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/filename="[^"]*"[^;]*"/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('عکس _صفحه_.png');
  });

  it('refuses an altered link and an expired one (on the server’s clock); reading the ticket again gives a working link', async () => {
    const customer = await t.as('customerA');
    const ticket = await customer.ticket.create.mutate({ ...NEW_TICKET, attachmentIds: [await upload('customerA')] });
    const url = new URL(ticket.messages[0]!.attachments[0]!.url, t.origin);
    const other = await upload('customerA');

    const swapped = new URL(url);
    swapped.pathname = `/attachments/${other}`;
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    const forged = new URL(url);
    forged.searchParams.set('signature', `${url.searchParams.get('signature')!.slice(0, -2)}AA`);
    for (const bad of [swapped, later, forged]) {
      const res = await fetch(bad);
      expect(res.status, bad.toString()).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('This link is not valid.');
    }

    expect((await fetch(url)).status).toBe(200);
    t.clock.advance(66 * MINUTE);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    const fresh = await customer.ticket.get.query({ id: ticket.id });
    expect((await download(fresh.messages[0]!.attachments[0]!.url)).status).toBe(200);
  });

  it('takes at most five files, only the caller’s own unattached uploads; a refusal changes nothing', async () => {
    const customer = await t.as('customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    // One after another: a message lists its files in the order they were uploaded.
    const six: string[] = [];
    for (let i = 0; i < 6; i++) six.push(await upload('customerA'));
    const tooMany = await expectCode(customer.ticket.reply.mutate({ id: ticket.id, body: 'six', attachmentIds: six }), 'BAD_REQUEST');
    expect(tooMany.data?.reason).toEqual({ kind: 'too_many_attachments', max: 5 });

    const colleagues = await upload('customerA2');
    const otherOrg = await upload('customerB');
    for (const id of [colleagues, otherOrg, 'no-such-upload']) {
      const refused = await expectCode(customer.ticket.reply.mutate({ id: ticket.id, body: 'theirs', attachmentIds: [id] }), 'BAD_REQUEST');
      expect(refused.data?.reason).toEqual({ kind: 'attachment_unavailable', ids: [id] });
    }
    expect((await customer.ticket.get.query({ id: ticket.id })).messages).toHaveLength(1);

    const five = six.slice(0, 5);
    const replied = await customer.ticket.reply.mutate({ id: ticket.id, body: 'five', attachmentIds: five });
    expect(replied.messages.at(-1)!.attachments.map((a) => a.id)).toEqual(five);
    // Once on a message, an upload is no longer free to attach.
    const again = await expectCode(customer.ticket.reply.mutate({ id: ticket.id, body: 'again', attachmentIds: [five[0]!] }), 'BAD_REQUEST');
    expect(again.data?.reason).toMatchObject({ kind: 'attachment_unavailable' });
  });

  it('never shows another organisation a file, nor a customer an internal note’s files', async () => {
    const customer = await t.as('customerA');
    const agent = await t.as('agent');
    const ticket = await customer.ticket.create.mutate({ ...NEW_TICKET, attachmentIds: [await upload('customerA')] });
    await expectCode((await t.as('customerB')).ticket.get.query({ id: ticket.id }), 'NOT_FOUND');
    await expectCode((await t.as('customerA2')).ticket.get.query({ id: ticket.id }), 'NOT_FOUND');
    expect((await (await t.as('adminA')).ticket.get.query({ id: ticket.id })).messages[0]!.attachments).toHaveLength(1);

    const noted = await agent.ticket.note.mutate({ id: ticket.id, body: 'trace attached', attachmentIds: [await upload('agent', LOG_TEXT, 'trace.log')] });
    expect(noted.messages.at(-1)).toMatchObject({ visibility: 'internal', attachments: [{ name: 'trace.log' }] });
    const seen = await customer.ticket.get.query({ id: ticket.id });
    const paged = await customer.ticket.messages.query({ id: ticket.id });
    for (const messages of [seen.messages, paged.items]) {
      expect(messages.flatMap((m) => m.attachments.map((a) => a.name))).toEqual(['screen.png']);
    }
  });
});

describe('uploads no message took', () => {
  it('are removed a day after they arrived, bytes and all; attached files stay', async () => {
    // What earlier tests left behind goes first, so the counts below are this test's.
    t.clock.advance(25 * HOUR);
    await t.server.removeUnattachedUploads();
    const customer = await t.as('customerB');
    const orphan = await upload('customerB', LOG_TEXT, 'orphan.log');
    const kept = await upload('customerB');
    await customer.ticket.create.mutate({ ...NEW_TICKET, attachmentIds: [kept] });
    const chunksOf = async (id: string) => Number((await t.query<{ n: number }>('SELECT count(*) AS n FROM blob_chunks WHERE blob_id = ?', [id]))[0]!.n);

    t.clock.advance(23 * HOUR);
    expect(await t.server.removeUnattachedUploads()).toBe(0);
    t.clock.advance(2 * HOUR);
    expect(await t.server.removeUnattachedUploads()).toBe(1);
    expect(await t.query('SELECT id FROM attachments WHERE id = ?', [orphan])).toEqual([]);
    expect(await chunksOf(orphan)).toBe(0);
    expect(await chunksOf(kept)).toBe(1);
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const late = await expectCode(customer.ticket.reply.mutate({ id: ticket.id, body: 'late', attachmentIds: [orphan] }), 'BAD_REQUEST');
    expect(late.data?.reason).toMatchObject({ kind: 'attachment_unavailable' });
  });

  it('never race an attach: the file is either on the message or gone with the message refused', async () => {
    const customer = await t.as('customerB');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const ids = await Promise.all(Array.from({ length: 4 }, () => upload('customerB')));
    t.clock.advance(25 * HOUR);
    const [replies] = await Promise.all([
      Promise.allSettled(ids.map((id) => customer.ticket.reply.mutate({ id: ticket.id, body: `with ${id}`, attachmentIds: [id] }))),
      t.server.removeUnattachedUploads(),
    ]);
    const thread = (await customer.ticket.get.query({ id: ticket.id })).messages;
    for (const [i, id] of ids.entries()) {
      const row = await t.query<{ message_id: string | null }>('SELECT message_id FROM attachments WHERE id = ?', [id]);
      if (replies[i]!.status === 'fulfilled') {
        expect(row).toHaveLength(1);
        expect(thread.find((m) => m.body === `with ${id}`)!.attachments.map((a) => a.id)).toEqual([id]);
      } else {
        expect(row).toEqual([]);
        expect(thread.find((m) => m.body === `with ${id}`)).toBeUndefined();
      }
    }
  });
});
