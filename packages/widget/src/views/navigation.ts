import type { Ticket } from '../api/types';

/** Where the customer view is. */
export type Route =
  | { view: 'list' }
  | { view: 'create'; from?: Ticket }
  | { view: 'detail'; id: string }
  | { view: 'plans' };

/** Asks the enclosing view to go somewhere; stays inside the widget (not composed). */
export class NavigateEvent extends Event {
  static readonly type = 'st-navigate';
  constructor(readonly route: Route) {
    super(NavigateEvent.type, { bubbles: true, composed: false });
  }
}

/** Views that move focus to their heading when they are opened. */
export interface FocusableView {
  focusHeading(): void;
  /** Back in a view: focus where the person was in it (the row they opened); false when there is nowhere. */
  focusReturn?(): boolean;
}
