import type { ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { Paging, type Page } from './paging';

interface Row {
  id: string;
}

/** A promise the test settles by hand, to order answers as a slow network would. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const page = (ids: string[], nextCursor: string | null): Page<Row> => ({ items: ids.map((id) => ({ id })), nextCursor });

function setup() {
  const host = { requestUpdate: () => undefined } as unknown as ReactiveControllerHost;
  const pending: Array<{ cursor: string; answer: ReturnType<typeof deferred<Page<Row>>> }> = [];
  const paging = new Paging<Row>(host, {
    next: (cursor) => {
      const answer = deferred<Page<Row>>();
      pending.push({ cursor, answer });
      return answer.promise;
    },
  });
  return { paging, pending };
}

describe('Paging', () => {
  it('appends the next page after the rows so far, without repeating a row', async () => {
    const { paging, pending } = setup();
    await paging.load(async () => page(['a', 'b'], 'c1'));
    const more = paging.loadMore();
    expect(pending.map((p) => p.cursor)).toEqual(['c1']);
    pending[0]!.answer.resolve(page(['b', 'c'], null));
    await more;
    expect(paging.items.map((row) => row.id)).toEqual(['a', 'b', 'c']);
    expect(paging.cursor).toBeNull();
  });

  it('drops a "load more" answer that arrives after the list started over (filters changed)', async () => {
    const { paging, pending } = setup();
    await paging.load(async () => page(['old-1'], 'old-cursor'));
    const more = paging.loadMore();
    await paging.load(async () => page(['new-1'], 'new-cursor'));
    pending[0]!.answer.resolve(page(['old-2'], 'old-cursor-2'));
    await more;
    expect(paging.items.map((row) => row.id)).toEqual(['new-1']);
    expect(paging.cursor).toBe('new-cursor');
    expect(paging.loading).toBe(false);
  });

  it('keeps the latest of two first-page reads when the earlier one answers last', async () => {
    const { paging } = setup();
    const slow = deferred<Page<Row>>();
    const earlier = paging.load(() => slow.promise);
    await paging.load(async () => page(['latest'], null));
    slow.resolve(page(['stale'], 'stale-cursor'));
    await earlier;
    expect(paging.items.map((row) => row.id)).toEqual(['latest']);
    expect(paging.cursor).toBeNull();
  });

  it('keeps the rows when loading more fails, and offers the failure until the next attempt', async () => {
    const { paging, pending } = setup();
    await paging.load(async () => page(['a'], 'c1'));
    const failing = paging.loadMore();
    pending[0]!.answer.reject(new Error('offline'));
    await failing;
    expect(paging.items.map((row) => row.id)).toEqual(['a']);
    expect(paging.error).toBeInstanceOf(Error);
    expect(paging.cursor).toBe('c1');
    const retry = paging.loadMore();
    expect(paging.error).toBeNull();
    pending[1]!.answer.resolve(page(['b'], null));
    await retry;
    expect(paging.items.map((row) => row.id)).toEqual(['a', 'b']);
  });
});
