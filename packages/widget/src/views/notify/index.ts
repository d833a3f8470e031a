// The parts about notifications: a chunk of its own, loaded when a page shows one of them, so
// the main file carries only the tags and the kit it hands over (see kit.ts).
import { emailToggle } from './email-toggle';
import type { NotifyKit } from './kit';
import { waitingActions } from './waiting-actions';

export type { NotifyKit };

/** Defines `<support-tickets-waiting-actions>` and `<support-tickets-email-toggle>` on the kit. */
export function defineNotifyParts(kit: NotifyKit): void {
  if (!customElements.get('support-tickets-waiting-actions')) customElements.define('support-tickets-waiting-actions', waitingActions(kit));
  if (!customElements.get('support-tickets-email-toggle')) customElements.define('support-tickets-email-toggle', emailToggle(kit));
}
