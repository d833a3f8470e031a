import { is, Placeholder, sql, type SQL } from 'drizzle-orm';

/**
 * How a condition takes a value: as it is (`literal`), or as a named placeholder whose value is
 * kept aside (`Conditions.param`), so that the statement's text stays the same from call to
 * call and is built once.
 */
export type Param = <T>(name: string, value: T) => T | Placeholder;

export const literal: Param = (_name, value) => value;

/**
 * WHERE conditions whose values are placeholders: the SQL text depends only on `shape` (which
 * conditions, in which form), so a statement built for one shape serves every call of it.
 *
 * @example
 * const where = new Conditions();
 * if (status) where.add('status', eq(tickets.status, where.param('status', status)));
 * const query = preparedOn(db, `list ${where.shape}`, (db) => onlyPlaceholders(db.select().from(tickets).where(and(...where.list)).prepare()));
 * await query.all(where.values);
 */
export class Conditions {
  readonly list: SQL[] = [];
  readonly values: Record<string, unknown> = {};
  readonly #names: string[] = [];

  readonly param: Param = (name, value) => {
    this.values[name] = value;
    return sql.placeholder(name);
  };

  /** Adds a condition; `name` must differ wherever its SQL does (another form, not another value). */
  add(name: string, condition: SQL | undefined): void {
    if (!condition) return;
    this.#names.push(name);
    this.list.push(condition);
  }

  /** The conditions' names, in the order they were added. */
  get names(): readonly string[] {
    return this.#names;
  }

  get shape(): string {
    return this.#names.join(' ');
  }
}

/**
 * The prepared query, once sure it keeps no caller's value in its text: a statement built for
 * one caller and reused for the next must take every value as a placeholder.
 */
export function onlyPlaceholders<Q extends { getQuery(): { params: unknown[] } }>(query: Q): Q {
  const literalAt = query.getQuery().params.findIndex((param) => !is(param, Placeholder));
  if (literalAt >= 0) throw new Error(`A statement built once took a value as it is (parameter ${literalAt + 1}), not as a placeholder.`);
  return query;
}

/**
 * `values` as placeholders named `${name}0`, `${name}1`…, with their values: an IN list whose
 * statement is built once per length rather than once per call.
 *
 * @example
 * const ids = placeholderList('id', messageIds);
 * const query = preparedOn(db, `attachments.of ${ids.list.length}`, (db) => db.select().from(attachments).where(inArray(attachments.messageId, ids.list)).prepare());
 * await query.all(ids.values);
 */
export function placeholderList(name: string, values: readonly unknown[]): { list: Placeholder[]; values: Record<string, unknown> } {
  const named: Record<string, unknown> = {};
  const list = values.map((value, i) => {
    named[`${name}${i}`] = value;
    return sql.placeholder(`${name}${i}`);
  });
  return { list, values: named };
}
