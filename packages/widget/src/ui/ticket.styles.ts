import { css } from 'lit';

/**
 * A ticket's page, as the customer and as support see it: the subject and its chips, the
 * conversation, the facts (a list of terms) and the timeline. Used with `pageStyles` and
 * `panelStyles`.
 *
 * Why (kept here, out of the CSS every page downloads):
 * - `:host(:dir(ltr)) h2`: A subject in the other script reads in its own direction (dir=auto) but lines up with the page.
 */
export const ticketStyles = css`
  :host(:dir(ltr)) h2 {
    text-align: left;
  }
  :host(:dir(rtl)) h2 {
    text-align: right;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin-block-start: 0.25rem;
  }
  .thread,
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .thread {
    gap: 0.75rem;
  }
  .earlier {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-end: 0.75rem;
  }
  .earlier .error {
    margin: 0;
  }
  .message {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .message[data-author='support'] {
    background: var(--_surface);
    border-inline-start: 3px solid var(--_accent);
  }
  .message-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    margin-block-end: 0.35rem;
  }
  .author {
    font-weight: 600;
  }
  .when {
    font-size: 0.8125em;
  }
  .message-head .when {
    margin-inline-start: auto;
  }
  .body {
    unicode-bidi: plaintext;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  dl {
    margin: 0;
    display: grid;
    gap: 0.4rem;
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(6rem, 40%) 1fr;
    gap: 0.5rem;
    align-items: baseline;
  }
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    margin: 0;
    min-inline-size: 0;
  }
  .ref {
    font-family: ui-monospace, monospace;
    font-size: 0.8125em;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .timeline {
    gap: 0.5rem;
    font-size: 0.875em;
  }
  .timeline li {
    display: grid;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_border);
  }
`;
