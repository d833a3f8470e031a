import { html, nothing } from 'lit';
import type { TicketRow } from '../api/types';

type Excerpt = NonNullable<TicketRow['match']>['excerpt'];

/** Text with the search's words marked, as the server found them. */
function marked({ text, ranges }: Excerpt) {
  const parts = [];
  let at = 0;
  for (const [from, to] of ranges) {
    parts.push(text.slice(at, from), html`<mark>${text.slice(from, to)}</mark>`);
    at = to;
  }
  parts.push(text.slice(at));
  return parts;
}

/**
 * A list row's subject; in a search, with the matched words marked, and when the match was in
 * a message, that message's words after it (one line: rows keep their height).
 */
export function subjectOf(ticket: Pick<TicketRow, 'subject' | 'match'>) {
  const { match } = ticket;
  return html`<span class="subject" dir="auto"
    >${match?.field === 'subject' ? marked(match.excerpt) : ticket.subject}${match?.field === 'message'
      ? html` <span class="excerpt muted" dir="auto">— ${marked(match.excerpt)}</span>`
      : nothing}</span
  >`;
}
