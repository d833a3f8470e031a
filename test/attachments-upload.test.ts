import { ATTACHMENT_MAX_BYTES } from '@support-tickets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { announceAndStall, HTML_PAGE, LOG_TEXT, PNG_1X1, streamOf, uploadForm, uploadRaw } from './helpers/attachments';
import { serverForTests, startServer, type TestServer } from './helpers/server';

// SPEC §7: POST /attachments takes one file (raw or multipart), streaming, judged by its
// content, within 10 MB a file and a quota per organisation, like any write within the
// person's rate limit.

const t = serverForTests();
const stored = async (server: TestServer = t) => {
  const [files] = await server.query<{ n: number }>('SELECT count(*) AS n FROM attachments');
  const [chunks] = await server.query<{ n: number }>('SELECT count(*) AS n FROM blob_chunks');
  return { files: Number(files!.n), chunks: Number(chunks!.n) };
};

describe('POST /attachments', () => {
  it('takes a raw body and answers with the file’s id, safe name, size and sniffed type', async () => {
    const res = await uploadRaw(t.origin, await t.token('customerA'), PNG_1X1, '../../screens/اسکرین.png', 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), name: 'اسکرین.png', size: PNG_1X1.length, contentType: 'image/png' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('takes a multipart form’s file field, and judges a log as text', async () => {
    const res = await uploadForm(t.origin, await t.token('customerA'), LOG_TEXT, 'kubelet.log', 'image/png');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'kubelet.log', size: LOG_TEXT.length, contentType: 'text/plain' });
  });

  it('judges the type from the content: an HTML page named .png and sent as image/png is not an image', async () => {
    const res = await uploadRaw(t.origin, await t.token('customerA'), HTML_PAGE, 'cat.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.json.contentType).toBe('text/plain');
  });

  it('stores a file of exactly 10 MB, streamed without a length, as chunks', async () => {
    const res = await fetch(`${t.origin}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token('customerA2')}`, 'x-filename': 'dump.bin' },
      body: streamOf(ATTACHMENT_MAX_BYTES),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(201);
    const { id, size } = (await res.json()) as { id: string; size: number };
    expect(size).toBe(ATTACHMENT_MAX_BYTES);
    const [row] = await t.query<{ n: number; bytes: number }>('SELECT count(*) AS n, sum(length(data)) AS bytes FROM blob_chunks WHERE blob_id = ?', [id]);
    expect(Number(row!.bytes)).toBe(ATTACHMENT_MAX_BYTES);
    expect(Number(row!.n)).toBeGreaterThan(1);
  });

  it('answers 413 to a body announced over 10 MB at once, without waiting for the rest', async () => {
    const before = await stored();
    const status = await announceAndStall(t.origin, await t.token('customerA'), ATTACHMENT_MAX_BYTES + 1, 64 * 1024);
    expect(status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it('stops reading a body without a length the moment it passes 10 MB: 413, nothing kept', async () => {
    const before = await stored();
    const res = await fetch(`${t.origin}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token('customerA')}`, 'x-filename': 'big.bin' },
      body: streamOf(ATTACHMENT_MAX_BYTES + 1),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { message: 'A file may be at most 10 MB.', reason: { kind: 'file_too_large', maxBytes: ATTACHMENT_MAX_BYTES } },
    });
    expect(await stored()).toEqual(before);
  });

  it('refuses a request without a token, with a bad one, or without a file name, and stores nothing', async () => {
    const before = await stored();
    expect((await uploadRaw(t.origin, null, PNG_1X1, 'a.png')).status).toBe(401);
    expect((await uploadRaw(t.origin, 'not-a-token', PNG_1X1, 'a.png')).status).toBe(401);
    const unnamed = await fetch(`${t.origin}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token('customerA')}` },
      body: PNG_1X1,
    });
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { error: { message: string } }).error.message).toMatch(/x-filename/);
    const form = new FormData();
    form.append('other', 'x');
    const noFile = await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await t.token('customerA')}` }, body: form });
    expect(noFile.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses a link that this server did not sign', async () => {
    const { json } = await uploadRaw(t.origin, await t.token('customerA'), PNG_1X1, 'a.png');
    const res = await fetch(`${t.origin}/attachments/${json.id}?expires=4102444800&signature=AAAA`);
    expect(res.status).toBe(403);
    expect((await fetch(`${t.origin}/attachments/${json.id}`)).status).toBe(403);
  });
});

describe('limits of an organisation and a person', () => {
  const servers: TestServer[] = [];
  afterEach(() => Promise.all(servers.splice(0).map((s) => s.stop({ removeFile: true }))));

  it('refuses an upload past the organisation’s quota with 413 and a clear reason; others are not touched', async () => {
    const s = await startServer({ attachmentQuotaMb: 1 });
    servers.push(s);
    const half = new Uint8Array(600 * 1024).fill(7);
    expect((await uploadRaw(s.origin, await s.token('customerA'), half, 'one.bin')).status).toBe(201);
    const refused = await uploadRaw(s.origin, await s.token('customerA2'), half, 'two.bin');
    expect(refused.status).toBe(413);
    expect(refused.json.error.reason).toEqual({ kind: 'quota_exceeded', quotaBytes: 1024 * 1024, usedBytes: half.length });
    expect(refused.json.error.message).toMatch(/storage quota of 1 MB/);
    // Another organisation, and support (who belong to none), have their own room.
    expect((await uploadRaw(s.origin, await s.token('customerB'), half, 'b.bin')).status).toBe(201);
    expect((await uploadRaw(s.origin, await s.token('agent'), half, 'agent.bin')).status).toBe(201);
    expect(await stored(s)).toMatchObject({ files: 3 });
  });

  it('counts uploads as writes of the person’s rate limit: 429 with Retry-After past it', async () => {
    const s = await startServer({
      rateLimits: { person: { calls: 100, seconds: 60 }, personWrites: { calls: 2, seconds: 60 }, organisation: { calls: 100, seconds: 60 } },
    });
    servers.push(s);
    const token = await s.token('customerA');
    for (let i = 0; i < 2; i++) expect((await uploadRaw(s.origin, token, PNG_1X1, 'a.png')).status).toBe(201);
    const refused = await uploadRaw(s.origin, token, PNG_1X1, 'a.png');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.json.error.reason).toMatchObject({ kind: 'rate_limited' });
    expect((await uploadRaw(s.origin, await s.token('customerB'), PNG_1X1, 'a.png')).status).toBe(201);
  });
});
