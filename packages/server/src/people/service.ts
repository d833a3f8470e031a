import type { CloudResource, Locale, Role } from '@support-tickets/core';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { NO_ORG, people, type PersonRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { fail, ok, type Result } from '../shared/result';

export interface MeOutput {
  id: string;
  role: Role;
  orgId: string | null;
  name: string;
  /** The address mail goes to; null when no token of the person carried one. */
  email: string | null;
  locale: Locale;
  notifications: {
    /** The person's choice: mail about their tickets, or none. */
    email: boolean;
  };
  /**
   * The cloud resources this token lets the person refer to in a new ticket (its `resources`
   * claim, as verified): what the new-ticket form offers. Empty without the claim.
   */
  resources: CloudResource[];
}

/** The stored row of the person of `caller` (`recordPerson` wrote it when the request began). */
export async function loadPerson(db: Queryable, person: { orgId: string | null; userId: string }): Promise<PersonRow | null> {
  const row = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, person.orgId ?? NO_ORG), eq(people.id, person.userId)))
    .get();
  return row ?? null;
}

function toMeOutput(row: PersonRow, caller: Caller): MeOutput {
  return {
    id: row.id,
    role: row.role,
    orgId: row.orgId === NO_ORG ? null : row.orgId,
    name: row.name,
    email: row.email,
    locale: row.locale,
    notifications: { email: row.emailEnabled },
    resources: [...(caller.resources ?? [])],
  };
}

const unknownPerson = () => fail('not_found', 'No record of you yet; call again.');

/** The caller as the server knows them, with their notification preferences. */
export async function getMe(deps: ServiceDeps, caller: Caller): Promise<Result<MeOutput>> {
  if (!caller.userId) return unknownPerson();
  const row = await loadPerson(deps.database.db, { orgId: caller.orgId, userId: caller.userId });
  return row ? ok(toMeOutput(row, caller)) : unknownPerson();
}

/** Turns the caller's mail on or off; answers with the caller as `getMe` does. */
export async function setNotifications(deps: ServiceDeps, caller: Caller, choice: { email: boolean }): Promise<Result<MeOutput>> {
  if (!caller.userId) return unknownPerson();
  const person = { orgId: caller.orgId, userId: caller.userId };
  const row = await deps.database.write(async (tx) => {
    await tx
      .update(people)
      .set({ emailEnabled: choice.email })
      .where(and(eq(people.orgId, person.orgId ?? NO_ORG), eq(people.id, person.userId)));
    return loadPerson(tx, person);
  });
  return row ? ok(toMeOutput(row, caller)) : unknownPerson();
}
