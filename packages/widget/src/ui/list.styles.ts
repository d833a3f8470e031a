import { css } from 'lit';

/**
 * Lists whose rows open something (tickets, organisations): each row a button drawn as a card,
 * its subject first; and the footer under a long list, with how many are shown and "load more".
 *
 * Why (kept here, out of the CSS every page downloads):
 * - `.row:where(button)`: Low specificity, so a list's own row rules (a coloured edge) still win on hover.
 * - `:host(:dir(ltr)) .subject`: A Persian subject in an English list (or the reverse) reads in its own direction (dir=auto) but lines up with the list.
 */
export const listStyles = css`
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .list[aria-busy='true'] .row {
    opacity: 0.6;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.5rem;
    inline-size: 100%;
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    text-align: start;
    font: inherit;
  }
  .row:where(button) {
    cursor: pointer;
  }
  .row:where(button):hover {
    background: var(--_surface);
    border-color: var(--_border-strong);
  }
  .subject {
    flex: 1 0 100%;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* A search's words, marked in the subject or in the message that matched. */
  .subject mark {
    background: var(--_warning-bg);
    color: inherit;
    border-radius: 2px;
  }
  .subject .excerpt {
    font-weight: 400;
  }
  :host(:dir(ltr)) .subject {
    text-align: left;
  }
  :host(:dir(rtl)) .subject {
    text-align: right;
  }
  .skeleton-list {
    display: grid;
    gap: 0.5rem;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .more p {
    font-size: 0.875em;
  }
`;
