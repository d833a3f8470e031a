import { TaskStatus, type Task } from '@lit/task';
import type { RefusalReason, TextField, TextProblem } from '@support-tickets/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { I18n } from '../i18n/localize';
import { toSupportError } from '../api/errors';
import type { Paging } from './paging';

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
      return `${errors.refused} ${(e.reason && refusalText(e.reason, i18n)) || e.message}`;
    case 'TOO_MANY_REQUESTS':
      // Nothing was refused for good: the words say how long to wait (or what to close).
      return (e.reason && refusalText(e.reason, i18n)) || errors.server;
    default:
      return errors.server;
  }
}

/** A refusal the server explained in data, in the page's language; '' for a kind this widget cannot word. */
export function refusalText(reason: RefusalReason, i18n: I18n): string {
  const { t, labels } = i18n;
  const { reasons } = t.errors;
  if (reason.kind === 'text_invalid') return textProblemText(reason.field, reason, i18n);
  // A custom plan's problems are the agent form's to word, an upload's the attachments'; a stream refusal is never shown.
  if (reason.kind === 'plan_invalid' || reason.kind === 'too_many_streams' || reason.kind === 'file_too_large' || reason.kind === 'quota_exceeded') return '';
  if (reason.kind === 'rate_limited') {
    const seconds = reason.retryAfterSeconds;
    return reasons.rate_limited(seconds < 60 ? t.units.second(i18n.number(seconds)) : i18n.duration(Math.ceil(seconds / 60)));
  }
  // The team features' refusals are worded by their own on-demand parts: '' here.
  if (reason.kind !== 'priority_unavailable') return (reasons as Partial<Record<RefusalReason['kind'], unknown>>)[reason.kind] as string ?? '';
  const offered = i18n.list(reason.offered.map((priority) => labels.priority[priority]));
  return reasons.priority_unavailable(labels.plan[reason.plan], labels.priority[reason.priority], offered);
}

/** What is wrong with a subject or body (core's `checkText`), in words. */
export function textProblemText(field: TextField, problem: TextProblem, i18n: I18n): string {
  // Shorter than the minimum is "empty" for these fields (their minimum is one character).
  return i18n.t.text[field][problem.code === 'too_short' ? 'empty' : problem.code](i18n.number(problem.max));
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

/** A block the size of what is coming, with "Loading…" for screen readers. */
export function skeleton(i18n: I18n, blockSize: string) {
  return html`<div class="skeleton" style="block-size: ${blockSize}" aria-busy="true">
    <span class="visually-hidden" role="status">${i18n.t.loading}</span>
  </div>`;
}

export interface TaskView<T> {
  complete: (value: T) => unknown;
  /** Shown until there is a value; a skeleton of this size by default. */
  loading?: () => unknown;
  blockSize?: string;
  /** The error state's title. */
  failed?: string;
}

/**
 * One way every view shows a task: its value once there is one (kept while a quiet re-read
 * runs), a skeleton until then, and the error with "Try again" when it failed.
 */
export function renderTask<T>(task: Task<readonly unknown[], T>, i18n: I18n, view: TaskView<T>) {
  if (task.status === TaskStatus.ERROR) {
    return errorState(i18n, task.error, { ...(view.failed ? { title: view.failed } : {}), retry: () => void task.run() });
  }
  const value = task.value;
  if (value !== undefined) return view.complete(value);
  return view.loading ? view.loading() : skeleton(i18n, view.blockSize ?? '12rem');
}

export interface ListView<T> {
  failed?: string;
  loading: () => unknown;
  empty: () => unknown;
  /** The rows; `busy` while a new first page is on its way. */
  rows: (items: T[], busy: boolean) => TemplateResult;
}

/** The states of a paged list: failed, loading, empty, or its rows. */
export function renderList<T extends { id: string }>(task: Task<readonly unknown[], unknown>, pages: Paging<T>, i18n: I18n, view: ListView<T>) {
  if (task.status === TaskStatus.ERROR) {
    return errorState(i18n, task.error, { ...(view.failed ? { title: view.failed } : {}), retry: () => void task.run() });
  }
  const { items } = pages;
  if (items.length === 0) return task.status === TaskStatus.COMPLETE ? view.empty() : view.loading();
  return view.rows(items, task.status === TaskStatus.PENDING);
}
