import type { RefusalReason } from '@support-tickets/core';
import { html, nothing } from 'lit';
import type { I18n } from '../i18n/localize';
import { toSupportError } from '../api/errors';

/** What a failure means for the person, and what to do about it. */
export function errorText(error: unknown, i18n: I18n): string {
  const { errors } = i18n.t;
  const e = toSupportError(error);
  switch (e.code) {
    case 'UNAUTHORIZED':
      return errors.unauthorized;
    case 'FORBIDDEN':
      return errors.forbidden;
    case 'NOT_FOUND':
      return errors.notFound;
    case 'NETWORK':
      return errors.network;
    case 'BAD_REQUEST':
    case 'CONFLICT':
      return `${errors.refused} ${(e.reason && refusalText(e.reason, i18n)) ?? e.message}`;
    default:
      return errors.server;
  }
}

/** A refusal the server explained in data, in the page's language; null for one this widget does not word. */
function refusalText(reason: RefusalReason, i18n: I18n): string | null {
  const { reasons } = i18n.t.errors;
  const { labels } = i18n;
  switch (reason.kind) {
    case 'ticket_closed':
      return reasons.ticketClosed;
    case 'priority_unavailable':
      return reasons.priorityUnavailable(
        labels.plan[reason.plan],
        labels.priority[reason.priority],
        i18n.list(reason.offered.map((priority) => labels.priority[priority])),
      );
    case 'already_accepted':
      return reasons.alreadyAccepted;
    case 'nothing_to_change':
      return reasons.nothingToChange;
    case 'ticket_busy':
      return reasons.ticketBusy;
    default:
      return null;
  }
}

export function errorState(i18n: I18n, error: unknown, options: { title?: string; retry?: () => void } = {}) {
  return html`<div class="state" data-kind="error" role="alert" part="error">
    ${options.title ? html`<p><strong>${options.title}</strong></p>` : nothing}
    <p>${errorText(error, i18n)}</p>
    ${options.retry
      ? html`<button type="button" class="btn secondary" @click=${options.retry}>${i18n.t.retry}</button>`
      : nothing}
  </div>`;
}

export function emptyState(title: string, body: string, action: unknown = nothing) {
  return html`<div class="state" data-kind="empty" part="empty">
    <p><strong>${title}</strong></p>
    <p class="muted">${body}</p>
    ${action}
  </div>`;
}
