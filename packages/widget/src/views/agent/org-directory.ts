/**
 * The organisations' names the agent's screens have read (queue rows, `org.list` answers, an
 * organisation's panel), for places that hold only an id: a ticket's page until its
 * organisation arrives, the queue's organisation filter when it is set from elsewhere. It never
 * asks the API itself; a name it has not seen shows as the id.
 */
export class OrgDirectory {
  private readonly names = new Map<string, string>();

  /** The organisation's name, or null when none has been read. */
  name(id: string): string | null {
    return this.names.get(id) ?? null;
  }

  remember(orgs: Iterable<{ id: string; name: string }>) {
    for (const org of orgs) this.names.set(org.id, org.name);
  }
}
