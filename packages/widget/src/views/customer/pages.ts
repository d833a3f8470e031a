// The customer's pages opened from the list (the new-ticket form with its resource picker, the
// plan table) and a closed ticket's rating: a chunk of their own, imported by the customer view
// when one of the pages first opens, or by a ticket page when a closed ticket shows.
import { defineElements } from '../../base/define';
import { RatingForm } from '../../rating/rating-form';
import { RATING_WORDS } from '../../rating/words';
import { ResourcePicker } from '../../resources/resource-picker';
import { RESOURCE_WORDS } from '../../resources/words';
import { addReasons } from '../../translations/index';
import { PlanTable } from './plan-table/plan-table';
import { TicketForm } from './ticket-form/ticket-form';

// A resource the token does not list, a rating twice or too late, can only be refused after this
// chunk's forms: their words come with them.
addReasons({ fa: { ...RESOURCE_WORDS.fa.reasons, ...RATING_WORDS.fa.reasons }, en: { ...RESOURCE_WORDS.en.reasons, ...RATING_WORDS.en.reasons } });

defineElements([
  ['support-tickets-form', TicketForm],
  ['support-tickets-plans', PlanTable],
  ['st-resources', ResourcePicker],
  ['st-rating', RatingForm],
]);

declare global {
  interface HTMLElementTagNameMap {
    'support-tickets-form': TicketForm;
    'support-tickets-plans': PlanTable;
    'st-resources': ResourcePicker;
    'st-rating': RatingForm;
  }
}
