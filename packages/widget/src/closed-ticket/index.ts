import { TRANSLATIONS } from '../translations/index';
import { ClosedExtras } from './closed-extras';
import { CLOSED_TICKET_WORDS } from './words';

// What a customer may still do about a closed ticket (follow it up, rate it), a chunk of its
// own: loaded when a closed ticket shows. A rating's refusals can only follow this chunk's
// form, so they join the widget's refusal words here.
for (const lang of ['fa', 'en'] as const) Object.assign(TRANSLATIONS[lang].errors.reasons, CLOSED_TICKET_WORDS[lang].reasons);

if (!customElements.get('st-closed-extras')) customElements.define('st-closed-extras', ClosedExtras);

declare global {
  interface HTMLElementTagNameMap {
    'st-closed-extras': ClosedExtras;
  }
}
