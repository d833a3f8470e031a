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
      return `${errors.refused} ${e.message}`;
    default:
      return errors.server;
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
