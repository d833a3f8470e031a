import { html, nothing, type PropertyValues } from 'lit';
import { attachTray, trayIn } from '../../../ui/files';
import { pickerIn, resourcePicker } from '../../../resources/resource-picker';
import {
  CATEGORIES,
  DEFAULT_PRIORITY,
  TEXT_MAX_LENGTH,
  checkText,
  isCategory,
  isPriority,
  preselectedPriority,
  type Priority,
  type TextField,
} from '@support-tickets/core';
import { toSupportError } from '../../../api/errors';
import { publicTicket, type Org, type TicketDetail } from '../../../api/types';
import { WidgetElement } from '../../../base/widget-element';
import { formStyles } from '../../../ui/form.styles';
import { sendOnCtrlEnter } from '../../../ui/keys';
import { sharedStyles } from '../../../ui/shared.styles';
import { errorText, textProblemText } from '../../../ui/states';
import { BackEvent, NavigateEvent } from '../../../workspace/events';
import type { TicketDraft } from '../../../workspace/store';
import { styles } from './ticket-form.styles';
import { FORM_WORDS } from './words';

type Field = keyof TicketDraft;
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['subject', 'category', 'priority', 'body'];

/**
 * The new-ticket form: subject, category, the priorities the organisation's plan offers
 * (each with its response target) and a description. Checks the text as core does before
 * sending and shows the server's refusals beside the fields they concern, in the page's
 * language. The draft lives in the workspace's store, so leaving the form or a failed attempt
 * loses nothing.
 *
 * @summary Open a ticket.
 * @tag support-tickets-form
 * @csspart form - The form.
 * @csspart submit - The submit button.
 */
export class TicketForm extends WidgetElement {
  static override styles = [sharedStyles, formStyles, styles];

  static override properties = {
    org: { attribute: false },
    orgError: { attribute: false },
    from: { attribute: false },
    errors: { state: true },
    formError: { state: true },
    submitting: { state: true },
    attempted: { state: true },
  };

  /** The organisation, for its plan's priorities; undefined while loading. */
  declare org: Org | undefined;
  declare orgError: unknown;
  /** A closed ticket this one follows up on (linked by `followUpOf` when the server allows it): its category is proposed. */
  declare from: TicketDetail | undefined;
  declare private errors: FieldErrors;
  declare private formError: string;
  declare private submitting: boolean;
  /** After the first submit, fields are checked as they change. */
  declare private attempted: boolean;

  constructor() {
    super();
    this.org = undefined;
    this.orgError = undefined;
    this.from = undefined;
    this.errors = {};
    this.formError = '';
    this.submitting = false;
    this.attempted = false;
  }

  /** The form's own words, which come with it in its chunk. */
  private get words() {
    return FORM_WORDS[this.i18n.lang];
  }

  private get draft(): TicketDraft {
    return this.store.ticketDraft;
  }

  /** The closed ticket this one follows up, when the server lets the person follow it up. */
  private get followsUp(): TicketDetail | undefined {
    return this.from?.actions.includes('follow_up') ? this.from : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('from') || !this.from) return;
    if (!this.draft.category) this.draft.category = this.from.category;
    this.store.carryReplyInto(this.from.id);
  }

  protected override updated() {
    // Options render after the select's own bindings; settle the selection once they exist.
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#category');
    if (select && select.value !== this.draft.category) select.value = this.draft.category;
  }

  private priorities(): Priority[] {
    return this.org?.availablePriorities.length ? this.org.availablePriorities : [DEFAULT_PRIORITY];
  }

  private selectedPriority(): Priority {
    const chosen = this.draft.priority;
    if (isPriority(chosen) && this.priorities().includes(chosen)) return chosen;
    return this.org ? preselectedPriority(this.org.plan) : DEFAULT_PRIORITY;
  }

  /** The text's problem as core judges it, in words. */
  private textError(field: TextField): string | undefined {
    const problem = checkText(field, this.draft[field]);
    return problem ? textProblemText(field, problem, this.i18n) : undefined;
  }

  private validate(): FieldErrors {
    const errors: FieldErrors = { subject: this.textError('subject'), body: this.textError('body') };
    if (!isCategory(this.draft.category)) errors.category = this.words.categoryRequired;
    return Object.fromEntries(Object.entries(errors).filter(([, message]) => message));
  }

  private onInput(field: Field, event: Event) {
    this.draft[field] = (event.target as HTMLInputElement).value;
    if (this.attempted) {
      const errors = { ...this.errors };
      const problem = this.validate()[field];
      if (problem) errors[field] = problem;
      else delete errors[field];
      this.errors = errors;
    }
    this.requestUpdate();
  }

  private async onSubmit(event: Event) {
    event.preventDefault();
    if (this.submitting) return;
    this.attempted = true;
    this.formError = '';
    this.errors = this.validate();
    if (Object.keys(this.errors).length > 0) {
      this.formError = this.words.fixFields;
      return this.focusFirstInvalid();
    }
    const tray = trayIn(this.renderRoot);
    if (tray?.waiting) return void (this.formError = tray.waiting);
    this.submitting = true;
    const { subject, body, category } = this.draft;
    try {
      if (!isCategory(category)) return;
      const attachmentIds = tray?.ids;
      const resourceIds = pickerIn(this.renderRoot)?.ids;
      const followUpOf = this.followsUp?.id;
      const ticket = await this.ctx.api.createTicket({ subject: subject.trim(), body, category, priority: this.selectedPriority(), attachmentIds, resourceIds, followUpOf });
      this.store.clearTicketDraft();
      tray?.clear();
      this.attempted = false;
      this.ctx.emit('support-ticket-created', { ticket: publicTicket(ticket) });
      this.dispatchEvent(new NavigateEvent({ view: 'detail', id: ticket.id }, true));
    } catch (error) {
      this.showServerError(error);
      await this.focusFirstInvalid();
    } finally {
      this.submitting = false;
    }
  }

  /** Refused input goes beside its fields (worded here when core named the problem); anything else above the button. */
  private showServerError(cause: unknown) {
    const { t } = this;
    const error = toSupportError(cause);
    const errors: FieldErrors = {};
    for (const issue of error.issues) {
      const field = FIELDS.find((f) => f === issue.path.split('.')[0]);
      const problem = issue.textProblem;
      if (!field || errors[field]) continue;
      errors[field] = problem && (field === 'subject' || field === 'body') ? textProblemText(field, problem, this.i18n) : issue.message;
    }
    this.errors = errors;
    const placed = Object.keys(errors).length > 0;
    this.formError = `${this.words.notOpened} ${placed ? this.words.fixFields : errorText(error, this.i18n)}`;
  }

  private async focusFirstInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }

  private describedBy(field: Field, hint = true): string {
    return [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  private fieldError(field: Field) {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  private required(label: string) {
    return html`${label} <span class="req">(${this.words.required})</span>`;
  }

  /** The subject or the description: its hint, and a counter as it nears core's limit. */
  private renderText(field: TextField, label: string, hint: string, control: (attrs: { value: string; invalid: string; described: string; input: (e: Event) => void }) => unknown) {
    const value = this.draft[field];
    const max = TEXT_MAX_LENGTH[field];
    const { number } = this.i18n;
    return html`<div class="field">
      <label for=${field}>${this.required(label)}</label>
      ${control({ value, invalid: this.errors[field] ? 'true' : 'false', described: this.describedBy(field), input: (e) => this.onInput(field, e) })}
      <p class="hint" id="${field}-hint">
        ${hint} ${value.length > max * 0.8 ? html`<span class="counter">${this.words.counter(number(value.length), number(max))}</span>` : nothing}
      </p>
      ${this.fieldError(field)}
    </div>`;
  }

  protected override render() {
    const { t, i18n } = this;
    const { category } = this.draft;
    return html`<section class="form-view" aria-labelledby="heading">
      <div class="intro">
        <h2 id="heading" tabindex="-1">${this.words.heading}</h2>
        <p class="muted">${this.words.intro}</p>
        ${this.followsUp ? html`<p data-field="follow-up">${this.words.followUpOf(i18n.ticketNumber(this.followsUp.number))}</p>` : nothing}
      </div>
      <form part="form" novalidate @submit=${this.onSubmit} aria-busy=${this.submitting ? 'true' : 'false'}>
        ${this.renderText(
          'subject',
          this.words.subject,
          this.words.subjectHint,
          (a) => html`<input id="subject" type="text" dir="auto" autocomplete="off" .value=${a.value} aria-invalid=${a.invalid} aria-describedby=${a.described} @input=${a.input} />`,
        )}
        <div class="field">
          <label for="category">${this.required(t.field.category)}</label>
          <select
            id="category"
            aria-invalid=${this.errors.category ? 'true' : 'false'}
            aria-describedby=${this.describedBy('category', false)}
            @change=${(e: Event) => this.onInput('category', e)}
          >
            <option value="" ?selected=${!category}>${this.words.chooseCategory}</option>
            ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${category === c}>${i18n.labels.category[c]}</option>`)}
          </select>
          ${this.fieldError('category')}
        </div>
        ${this.renderPriorities()} ${resourcePicker(this.ctx)}
        ${this.renderText(
          'body',
          this.words.description,
          this.words.descriptionHint,
          (a) => html`<textarea id="body" rows="7" dir="auto" .value=${a.value} aria-invalid=${a.invalid} aria-describedby=${a.described} @input=${a.input} @keydown=${this.onBodyKeydown}></textarea>`,
        )}
        ${attachTray(this.ctx)}
        <div class="form-error" role="alert" tabindex="-1" ?hidden=${!this.formError}>${this.formError}</div>
        <div class="buttons">
          <button type="submit" class="btn" part="submit" ?disabled=${this.submitting}>${this.submitting ? this.words.submitting : this.words.submit}</button>
          <button type="button" class="btn secondary" @click=${() => this.dispatchEvent(new BackEvent())}>${t.cancel}</button>
        </div>
      </form>
    </section>`;
  }

  private onBodyKeydown = sendOnCtrlEnter(() => this.renderRoot.querySelector('form')?.requestSubmit());

  private renderPriorities() {
    const { t, i18n } = this;
    const plan = this.org?.plan;
    const selected = this.selectedPriority();
    return html`<fieldset class="field priorities" aria-describedby="priority-hint ${this.errors.priority ? 'priority-error' : ''}">
      <legend class="label">${t.field.priority}</legend>
      <p class="hint" id="priority-hint">${plan ? this.words.priorityHelp(i18n.labels.plan[plan.id]) : this.orgError ? this.words.planLoadFailed : t.loading}</p>
      <div class="options">
        ${this.priorities().map((priority) => {
          const minutes = plan?.responseMinutes[priority];
          return html`<label class="option">
            <input type="radio" name="priority" value=${priority} .checked=${priority === selected} @change=${(e: Event) => this.onInput('priority', e)} />
            <span class="option-text">
              <span class="option-label">${i18n.labels.priority[priority]}</span>
              <span class="muted target">${minutes ? this.words.target(i18n.duration(minutes)) : this.words.noTarget}</span>
            </span>
          </label>`;
        })}
      </div>
      ${this.fieldError('priority')}
    </fieldset>`;
  }
}
