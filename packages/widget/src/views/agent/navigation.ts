import type { TicketDetail } from '../../api/types';
import type { Org } from '../../api/types';

/** Where the agent's workspace is. */
export type AgentRoute =
  | { view: 'queue' }
  | { view: 'ticket'; id: string }
  | { view: 'orgs' }
  | { view: 'org'; id: string }
  | { view: 'overview' };

/** Asks the workspace to go somewhere; stays inside the widget (not composed). */
export class AgentNavigateEvent extends Event {
  static readonly type = 'st-agent-navigate';
  constructor(readonly route: AgentRoute) {
    super(AgentNavigateEvent.type, { bubbles: true, composed: false });
  }
}

/** A ticket changed by an action on this page: the API's answer, the ticket as it now is. */
export class TicketUpdatedEvent extends Event {
  static readonly type = 'st-ticket-updated';
  constructor(readonly ticket: TicketDetail) {
    super(TicketUpdatedEvent.type, { bubbles: true, composed: false });
  }
}

/** An organisation changed (a new plan): the API's answer. */
export class OrgUpdatedEvent extends Event {
  static readonly type = 'st-org-updated';
  constructor(readonly org: Org) {
    super(OrgUpdatedEvent.type, { bubbles: true, composed: false });
  }
}

/** What the agent typed, per ticket, kept above the views so nothing is lost between them. */
export class AgentDrafts {
  readonly replies = new Map<string, string>();
  readonly notes = new Map<string, string>();
  /** Whether the composer of a ticket writes a reply or an internal note. */
  readonly modes = new Map<string, 'reply' | 'note'>();
}

/** Asks the workspace to go back where the agent came from (the back button, Escape). */
export class AgentBackEvent extends Event {
  static readonly type = 'st-agent-back';
  constructor() {
    super(AgentBackEvent.type, { bubbles: true, composed: false });
  }
}
