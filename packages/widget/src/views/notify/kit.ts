import type { Task } from '@lit/task';
import type { css, html, nothing } from 'lit';
import type { publicTicket } from '../../api/types';
import type { WidgetElement } from '../../base/widget-element';
import type { sharedStyles } from '../../ui/shared.styles';
import type { errorText } from '../../ui/states';
import type { TicketUpdatedEvent } from '../../workspace/events';

/**
 * What the notification parts build on, handed over by the main file when it loads them: the
 * chunk imports none of it itself (types aside), so the bundler keeps it all in the main file
 * instead of moving it to a third file every page would have to fetch.
 */
export interface NotifyKit {
  WidgetElement: typeof WidgetElement;
  Task: typeof Task;
  html: typeof html;
  css: typeof css;
  nothing: typeof nothing;
  publicTicket: typeof publicTicket;
  TicketUpdatedEvent: typeof TicketUpdatedEvent;
  errorText: typeof errorText;
  sharedStyles: typeof sharedStyles;
}
