import type { Status } from '@support-tickets/core';

/** The customer's list: a status and a subject search. */
export interface ListFilters {
  status: Status | '';
  q: string;
}

export const NO_LIST_FILTERS: ListFilters = { status: '', q: '' };

/** The new-ticket form as typed so far. */
export interface TicketDraft {
  subject: string;
  body: string;
  category: string;
  priority: string;
}
export const emptyTicketDraft = (): TicketDraft => ({ subject: '', body: '', category: '', priority: '' });

/** What a composer writes: a reply to the customer, or (agents) an internal note. */
export type ComposeMode = 'reply' | 'note';

/** Something the views show changed in the store (internal): they re-render. */
export class WorkspaceChangeEvent extends Event {
  static readonly type = 'st-workspace-change';
  constructor() {
    super(WorkspaceChangeEvent.type);
  }
}

/**
 * What a workspace keeps while its views come and go: the list's filters and every draft (per
 * ticket and mode, so nothing typed is lost on navigation or a token refresh); the agent's adds
 * the queue's filters and the directory of organisations (`AgentStore`). The workspace creates
 * it and provides it to its views; they read and change it here instead of passing values up
 * and down.
 */
export class WorkspaceStore extends EventTarget {
  listFilters = NO_LIST_FILTERS;
  ticketDraft: TicketDraft = emptyTicketDraft();
  /** The resources picked in the new-ticket form, by id; null until the person (or the host's preselection) chose. */
  ticketResources: string[] | null = null;
  private readonly texts = new Map<string, string>();

  setListFilters(filters: ListFilters) {
    this.listFilters = filters;
    this.changed();
  }

  /** What is typed on a ticket in one mode. */
  draft(ticketId: string, mode: ComposeMode): string {
    return this.texts.get(`${mode}:${ticketId}`) ?? '';
  }

  setDraft(ticketId: string, mode: ComposeMode, text: string) {
    if (text) this.texts.set(`${mode}:${ticketId}`, text);
    else this.texts.delete(`${mode}:${ticketId}`);
  }

  /**
   * The new-ticket form follows up a closed ticket: a reply typed on it that could not be sent
   * moves into the form's description, after what is typed there already (nothing is lost).
   */
  carryReplyInto(ticketId: string) {
    const reply = this.draft(ticketId, 'reply');
    if (!reply) return;
    const body = this.ticketDraft.body;
    this.ticketDraft.body = body.trim() ? `${body}\n\n${reply}` : reply;
    this.setDraft(ticketId, 'reply', '');
  }

  clearTicketDraft() {
    this.ticketDraft = emptyTicketDraft();
    this.ticketResources = null;
  }

  protected changed() {
    this.dispatchEvent(new WorkspaceChangeEvent());
  }
}
