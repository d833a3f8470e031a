import { html, nothing } from 'lit';
import type { AttachTray } from '../attachments/attach-tray';
import type { TicketMessage } from '../api/types';
import type { WidgetContext } from '../base/context';
import { definedIn, onDemand } from './on-demand';

// Attachments are a chunk of their own (attachments/), loaded the first time a form or a
// message with files shows: the main file carries only these tags.
const chunk = onDemand(() => import('../attachments/index'));
// Until it is here the tags stay empty; a failed download is tried again by the next form or message.
const load = () => void chunk().catch(() => undefined);

/** A form's attach button and files (`<st-attach>`). */
export function attachTray(ctx: WidgetContext) {
  load();
  return html`<st-attach .ctx=${ctx}></st-attach>`;
}

/** The files of the form in `root`, asked for their ids when sending; none while their chunk is on its way. */
export const trayIn = (root: ParentNode): AttachTray | null => definedIn(root, 'st-attach');

/** A message's files: thumbnails and chips (`<st-files>`). */
export function messageFiles(files: TicketMessage['attachments'], ctx: WidgetContext) {
  if (files.length === 0) return nothing;
  load();
  return html`<st-files .ctx=${ctx} .files=${files}></st-files>`;
}
