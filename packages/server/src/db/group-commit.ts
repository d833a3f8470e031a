import type { DatabaseHandle, Transaction } from './client';

// Writers that arrive while a write transaction runs are committed together in the next one:
// one COMMIT (one WAL sync) for all of them instead of one each. Each runs in its own savepoint,
// so one that throws leaves the others' writes in place; every caller is answered only after
// the COMMIT that holds its writes, so an acknowledged write survives a crash (kill -9) as before.

interface Job {
  fn: (tx: Transaction) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit {
  /** Runs `fn` in a savepoint of a write transaction shared with the writers queued beside it. */
  write<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** Writers taken into one transaction at most: a long batch would hold the write lock long. */
const MAX_BATCH = 64;

export function groupCommit(database: Pick<DatabaseHandle, 'write'>): GroupCommit {
  const pending: Job[] = [];
  let queued = false;

  const flush = async () => {
    let batch: Job[] | null = null;
    let outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await database.write(async (tx) => {
        // Taken when the write lock is ours, so every writer that queued meanwhile joins; a
        // retry (the database was busy) runs the same batch again from the start.
        if (batch === null) {
          batch = pending.splice(0, MAX_BATCH);
          queued = false;
          if (pending.length > 0) schedule();
        }
        outcomes = [];
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction((savepoint) => job.fn(savepoint)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // Nothing of the batch was committed.
      for (const job of batch ?? pending.splice(0, MAX_BATCH)) job.reject(error);
      if (batch === null) queued = false;
      if (pending.length > 0) schedule();
      return;
    }
    (batch ?? []).forEach((job: Job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  };

  function schedule() {
    if (queued) return;
    queued = true;
    void flush();
  }

  return {
    write<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}

const byDatabase = new WeakMap<object, GroupCommit>();

/** The group committer of this database handle (one per handle, made on first use). */
export function groupCommitOf(database: Pick<DatabaseHandle, 'write'>): GroupCommit {
  let group = byDatabase.get(database);
  if (!group) byDatabase.set(database, (group = groupCommit(database)));
  return group;
}
