import { describe, expect, it } from 'vitest';
import { serverForTests } from './helpers/server';

// SPEC §9: security headers on every route, API answers never stored by a cache, the token
// in a URL only where a browser has no other way (live updates), and a health check that
// says nothing more than whether the server and its database are up.

const t = serverForTests();

function expectSecurityHeaders(headers: Headers, where: string) {
  expect(headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(headers.get('referrer-policy'), where).toBe('no-referrer');
  expect(headers.get('x-frame-options'), where).toBe('DENY');
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, where).toContain("default-src 'none'");
  expect(csp, where).toContain("frame-ancestors 'none'");
}

describe('every route', () => {
  it('carries the security headers: API, health, errors and unknown paths alike', async () => {
    const token = await t.token('customerA');
    const answers = {
      query: await fetch(`${t.origin}/trpc/ticket.list`, { headers: { authorization: `Bearer ${token}` } }),
      refused: await fetch(`${t.origin}/trpc/ticket.list`),
      health: await fetch(`${t.origin}/health`),
      unknown: await fetch(`${t.origin}/nowhere`),
    };
    for (const [where, res] of Object.entries(answers)) {
      await res.arrayBuffer();
      expectSecurityHeaders(res.headers, where);
    }
    expect(answers.query.status).toBe(200);
    expect(answers.refused.status).toBe(401);
  });

  it('API answers are never stored: Cache-Control no-store, answers and refusals alike', async () => {
    const token = await t.token('customerA');
    for (const res of [
      await fetch(`${t.origin}/trpc/ticket.list`, { headers: { authorization: `Bearer ${token}` } }),
      await fetch(`${t.origin}/trpc/ticket.list`),
      await fetch(`${t.origin}/trpc/plan.list`, { headers: { authorization: `Bearer ${token}` } }),
    ]) {
      await res.arrayBuffer();
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('/health', () => {
  it('says whether the server and its database are up, and nothing more', async () => {
    const res = await fetch(`${t.origin}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'up' });
  });
});

describe('a token in the URL', () => {
  it('is refused on a plain query: a URL ends up in logs; the Authorization header is the way', async () => {
    const token = await t.token('customerA');
    const res = await fetch(`${t.origin}/trpc/ticket.list?${new URLSearchParams({ connectionParams: JSON.stringify({ token }) })}`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toMatch(/Authorization header/);
  });

  it('is taken for live updates, which a browser’s EventSource can authenticate no other way', async () => {
    const token = await t.token('customerA');
    const abort = new AbortController();
    const res = await fetch(`${t.origin}/trpc/ticket.onChange?${new URLSearchParams({ connectionParams: JSON.stringify({ token }) })}`, {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (marker: string) => {
      while (!text.includes(marker) && !text.includes('serialized-error')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    };
    await readUntil('event: connected');
    await (await t.as('customerA')).ticket.create.mutate({ subject: 'Live', body: 'via EventSource', category: 'technical' });
    await readUntil('"kind":"created"');
    abort.abort();
    await reader.cancel().catch(() => undefined);
    expect(res.status).toBe(200);
    expect(text).not.toContain('serialized-error');
    expect(text).toContain('"kind":"created"');
  });
});
