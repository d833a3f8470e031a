import { TRANSLATIONS } from '../translations/index';
import { ResourcePicker } from './resource-picker';
import { RESOURCE_WORDS } from './words';

// The resource picker, a chunk of its own: loaded when the new-ticket form shows for a token
// that lists resources. Its refusal (a resource not in the token) can only follow a pick, so
// it joins the widget's refusal words here.
for (const lang of ['fa', 'en'] as const) Object.assign(TRANSLATIONS[lang].errors.reasons, RESOURCE_WORDS[lang].reasons);

if (!customElements.get('st-resources')) customElements.define('st-resources', ResourcePicker);

declare global {
  interface HTMLElementTagNameMap {
    'st-resources': ResourcePicker;
  }
}
