import { describe, expect, it } from 'vitest';
import { LOG_TEXT, PNG_1X1, uploadRaw } from './helpers/attachments';
import { NEW_TICKET, PEOPLE, serverForTests } from './helpers/server';

// `ticket.create` answers from the rows it has just written instead of reading them back: the
// answer must be exactly what `ticket.get` reads a moment later (the test clock stands still).

const t = serverForTests();
const withResources = { ...PEOPLE.customerA, resources: [{ id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' }] };

describe('the answer of ticket.create', () => {
  it('is what ticket.get reads for a plain ticket, for its creator', async () => {
    const customer = await t.as('customerA');
    const created = await customer.ticket.create.mutate({ ...NEW_TICKET, priority: 'normal' });
    expect(created).toEqual(await customer.ticket.get.query({ id: created.id }));
    expect(created.events.map((e) => e.kind)).toEqual(['created']);
  });

  it('is what ticket.get reads with resources, files and a follow-up link', async () => {
    const customer = await t.as(withResources);
    const token = await t.token(withResources);
    const original = await customer.ticket.create.mutate(NEW_TICKET);
    await (await t.as('agent')).ticket.reply.mutate({ id: original.id, body: 'Fixed.' });
    await customer.ticket.close.mutate({ id: original.id });
    const files = [];
    for (const [bytes, name] of [[PNG_1X1, 'screen.png'], [LOG_TEXT, 'kubelet.log']] as const) {
      const res = await uploadRaw(t.origin, token, bytes, name);
      expect(res.status).toBe(201);
      files.push(res.json.id as string);
    }
    const created = await customer.ticket.create.mutate({
      ...NEW_TICKET,
      subject: '  Down again  ',
      followUpOf: original.id,
      resourceIds: ['vm-web-1'],
      attachmentIds: files,
    });
    expect(created).toEqual(await customer.ticket.get.query({ id: created.id }));
    expect(created.followUpOfTicket).toMatchObject({ id: original.id, status: 'closed' });
    expect(created.messages[0]!.attachments.map((a) => a.name)).toEqual(['screen.png', 'kubelet.log']);
    expect(created.resources.map((r) => r.id)).toEqual(['vm-web-1']);
  });
});
