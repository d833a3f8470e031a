import { html, nothing } from 'lit';
import type { WidgetContext } from '../base/context';
import type { ResourcePicker } from '../resources/resource-picker';
import { onDemand } from './on-demand';

// The resource picker is a chunk of its own (resources/), loaded when the new-ticket form shows
// for a token that lists resources: the main file carries only its tag.
const load = onDemand(() => import('../resources/index'));

/** The form's resource picker (`<st-resources>`), when the token lists resources. */
export function resourcePicker(ctx: WidgetContext) {
  if (!ctx.session.resources) return nothing;
  load();
  return html`<st-resources></st-resources>`;
}

/** The resource picker of the form in `root`, asked for the chosen ids when sending. */
export const pickerIn = (root: ParentNode): ResourcePicker | null => root.querySelector('st-resources');
