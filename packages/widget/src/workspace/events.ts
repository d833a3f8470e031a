import type { TicketDetail } from '../api/types';

// The widget's internal events: typed `Event` subclasses that bubble inside the widget and
// never leave the shadow root they are dispatched in (not composed), so never reach the host
// page. The public ones are in `../events.ts`.

/** Where the customer's workspace is. */
export type CustomerRoute =
  | { view: 'list' }
  | { view: 'create'; from?: TicketDetail }
  | { view: 'detail'; id: string }
  | { view: 'plans' };

/** Where the agent's workspace is. */
export type AgentRoute =
  | { view: 'queue' }
  | { view: 'ticket'; id: string }
  | { view: 'orgs' }
  | { view: 'org'; id: string }
  | { view: 'overview' }
  | { view: 'webhooks' };

export type Route = CustomerRoute | AgentRoute;

/** Asks the workspace to go somewhere; `replace`: instead of the view on screen (back skips it). */
export class NavigateEvent extends Event {
  static readonly type = 'st-navigate';
  constructor(
    readonly route: Route,
    readonly replace = false,
  ) {
    super(NavigateEvent.type, { bubbles: true, composed: false });
  }
}

/** Asks the workspace to go back where the person came from (the back button, Escape). */
export class BackEvent extends Event {
  static readonly type = 'st-back';
  constructor() {
    super(BackEvent.type, { bubbles: true, composed: false });
  }
}

/** A ticket changed by an action on this page: the API's answer, the ticket as it now is. */
export class TicketUpdatedEvent extends Event {
  static readonly type = 'st-ticket-updated';
  constructor(readonly ticket: TicketDetail) {
    super(TicketUpdatedEvent.type, { bubbles: true, composed: false });
  }
}
