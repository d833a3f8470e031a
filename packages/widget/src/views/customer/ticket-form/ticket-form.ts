import { html, nothing, type PropertyValues } from 'lit';
import {
  BODY_MAX_LENGTH,
  CATEGORIES,
  DEFAULT_PRIORITY,
  SUBJECT_MAX_LENGTH,
  isCategory,
  isPriority,
  type Category,
  type Priority,
} from '@support-tickets/core';
import { toSupportError } from '../../../api/errors';
import { withoutThread, type Org, type TicketDetail } from '../../../api/types';
import { WidgetElement } from '../../../base/widget-element';
import { formStyles } from '../../../ui/form.styles';
import { sendOnCtrlEnter } from '../../../ui/keys';
import { sharedStyles } from '../../../ui/shared.styles';
import { errorText } from '../../../ui/states';
import { BackEvent, NavigateEvent } from '../../../workspace/events';
import type { TicketDraft } from '../../../workspace/store';
import { styles } from './ticket-form.styles';

type Field = 'subject' | 'category' | 'priority' | 'body';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['subject', 'category', 'priority', 'body'];

/**
 * The new-ticket form: subject, category, the priorities the organisation's plan offers
 * (each with its response target) and a description. Checks what it can before sending and
 * shows the server's refusals beside the fields they concern. The draft lives in the
 * workspace's store, so leaving the form or a failed attempt loses nothing.
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
  /** A closed ticket this one follows up on: its category is proposed. */
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

  private get draft(): TicketDraft {
    return this.store.ticketDraft;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('from') && this.from && !this.draft.category) this.draft.category = this.from.category;
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
    const offered = this.priorities();
    const chosen = this.draft.priority;
    if (isPriority(chosen) && offered.includes(chosen)) return chosen;
    return offered.includes(DEFAULT_PRIORITY) ? DEFAULT_PRIORITY : (offered[offered.length - 1] ?? DEFAULT_PRIORITY);
  }

  private validate(): FieldErrors {
    const { t } = this.i18n;
    const max = (n: number) => this.i18n.number(n);
    const errors: FieldErrors = {};
    const { subject, body, category } = this.draft;
    if (!subject.trim()) errors.subject = t.form.subjectRequired;
    else if (subject.length > SUBJECT_MAX_LENGTH) errors.subject = t.form.subjectTooLong(max(SUBJECT_MAX_LENGTH));
    if (!isCategory(category)) errors.category = t.form.categoryRequired;
    if (!body.trim()) errors.body = t.form.bodyRequired;
    else if (body.length > BODY_MAX_LENGTH) errors.body = t.form.bodyTooLong(max(BODY_MAX_LENGTH));
    return errors;
  }

  private onInput(field: Field, event: Event) {
    const value = (event.target as HTMLInputElement).value;
    this.draft[field] = value;
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
    const errors = this.validate();
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.formError = this.i18n.t.form.fixFields;
      await this.updateComplete;
      this.focusFirstInvalid();
      return;
    }
    this.submitting = true;
    const { subject, body, category } = this.draft;
    try {
      const ticket = await this.ctx.api.createTicket({
        subject: subject.trim(),
        body,
        category: category as Category,
        priority: this.selectedPriority(),
      });
      this.store.clearTicketDraft();
      this.attempted = false;
      this.ctx.emit('support-ticket-created', { ticket: withoutThread(ticket) });
      this.dispatchEvent(new NavigateEvent({ view: 'detail', id: ticket.id }, true));
    } catch (error) {
      this.showServerError(error);
      await this.updateComplete;
      this.focusFirstInvalid();
    } finally {
      this.submitting = false;
    }
  }

  /** BAD_REQUEST issues go beside their fields (the server's words); anything else above the button. */
  private showServerError(cause: unknown) {
    const { t } = this;
    const error = toSupportError(cause);
    const errors: FieldErrors = {};
    for (const issue of error.issues) {
      const field = FIELDS.find((f) => f === issue.path.split('.')[0]);
      if (field && !errors[field]) errors[field] = issue.message;
    }
    this.errors = errors;
    const placed = Object.keys(errors).length > 0;
    this.formError = placed ? `${t.form.notOpened} ${t.form.fixFields}` : `${t.form.notOpened} ${errorText(error, this.i18n)}`;
  }

  private focusFirstInvalid() {
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }

  private describedBy(field: Field, hint = true): string {
    return [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  private fieldError(field: Field) {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  protected override render() {
    const { t, labels } = this.i18n;
    const { subject, body, category } = this.draft;
    const num = (n: number) => this.i18n.number(n);
    return html`<section class="form-view" aria-labelledby="heading">
      <div class="intro">
        <h2 id="heading" tabindex="-1">${t.form.heading}</h2>
        <p class="muted">${t.form.intro}</p>
      </div>
      <form part="form" novalidate @submit=${this.onSubmit} aria-busy=${this.submitting ? 'true' : 'false'}>
        <div class="field">
          <label for="subject">${t.form.subject} <span class="req">(${t.form.required})</span></label>
          <input
            id="subject"
            type="text"
            dir="auto"
            autocomplete="off"
            .value=${subject}
            aria-invalid=${this.errors.subject ? 'true' : 'false'}
            aria-describedby=${this.describedBy('subject')}
            @input=${(e: Event) => this.onInput('subject', e)}
          />
          <p class="hint" id="subject-hint">
            ${t.form.subjectHint}
            ${subject.length > SUBJECT_MAX_LENGTH * 0.8
              ? html`<span class="counter">${t.form.counter(num(subject.length), num(SUBJECT_MAX_LENGTH))}</span>`
              : nothing}
          </p>
          ${this.fieldError('subject')}
        </div>

        <div class="field">
          <label for="category">${t.field.category} <span class="req">(${t.form.required})</span></label>
          <select
            id="category"
            aria-invalid=${this.errors.category ? 'true' : 'false'}
            aria-describedby=${this.describedBy('category', false)}
            @change=${(e: Event) => this.onInput('category', e)}
          >
            <option value="" ?selected=${!category}>${t.form.chooseCategory}</option>
            ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${category === c}>${labels.category[c]}</option>`)}
          </select>
          ${this.fieldError('category')}
        </div>

        ${this.renderPriorities()}

        <div class="field">
          <label for="body">${t.form.description} <span class="req">(${t.form.required})</span></label>
          <textarea
            id="body"
            rows="7"
            dir="auto"
            .value=${body}
            aria-invalid=${this.errors.body ? 'true' : 'false'}
            aria-describedby=${this.describedBy('body')}
            @input=${(e: Event) => this.onInput('body', e)}
            @keydown=${this.onBodyKeydown}
          ></textarea>
          <p class="hint" id="body-hint">
            ${t.form.descriptionHint}
            ${body.length > BODY_MAX_LENGTH * 0.8
              ? html`<span class="counter">${t.form.counter(num(body.length), num(BODY_MAX_LENGTH))}</span>`
              : nothing}
          </p>
          ${this.fieldError('body')}
        </div>

        <div class="form-error" role="alert" tabindex="-1" ?hidden=${!this.formError}>${this.formError}</div>

        <div class="buttons">
          <button type="submit" class="btn" part="submit" ?disabled=${this.submitting}>
            ${this.submitting ? t.form.submitting : t.form.submit}
          </button>
          <button type="button" class="btn secondary" @click=${() => this.dispatchEvent(new BackEvent())}>
            ${t.cancel}
          </button>
        </div>
      </form>
    </section>`;
  }

  private onBodyKeydown = sendOnCtrlEnter(() => this.renderRoot.querySelector('form')?.requestSubmit());

  private renderPriorities() {
    const { i18n } = this.ctx;
    const { t, labels } = i18n;
    const plan = this.org?.plan;
    const selected = this.selectedPriority();
    return html`<fieldset class="field priorities" aria-describedby="priority-hint ${this.errors.priority ? 'priority-error' : ''}">
      <legend class="label">${t.field.priority}</legend>
      <p class="hint" id="priority-hint">
        ${plan ? t.form.priorityHelp(labels.plan[plan.id]) : this.orgError ? t.form.planLoadFailed : t.loading}
      </p>
      <div class="options">
        ${this.priorities().map((priority) => {
          const minutes = plan?.responseMinutes[priority];
          return html`<label class="option">
            <input
              type="radio"
              name="priority"
              value=${priority}
              .checked=${priority === selected}
              @change=${(e: Event) => this.onInput('priority', e)}
            />
            <span class="option-text">
              <span class="option-label">${labels.priority[priority]}</span>
              <span class="muted target">${minutes ? t.form.target(i18n.duration(minutes)) : t.form.noTarget}</span>
            </span>
          </label>`;
        })}
      </div>
      ${this.fieldError('priority')}
    </fieldset>`;
  }
}
