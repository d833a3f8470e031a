import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .list-view {
    display: grid;
    gap: 0.75rem;
  }
  .top {
    display: grid;
    gap: 0.75rem;
  }
  .filters {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.5rem;
  }
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
  button.row {
    cursor: pointer;
  }
  button.row:hover {
    background: var(--_surface);
    border-color: var(--_border-strong);
  }
  .subject {
    flex: 1 0 100%;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* A Persian subject in an English list (or the reverse) reads in its own direction (dir=auto)
     but lines up with the list. */
  :host(:dir(ltr)) .subject {
    text-align: left;
  }
  :host(:dir(rtl)) .subject {
    text-align: right;
  }
  .status {
    border-color: var(--_border);
    background: var(--_bg);
  }
  .meta,
  .updated {
    font-size: 0.875em;
  }
  .updated {
    white-space: nowrap;
  }
  .meta {
    flex: 1 0 100%;
  }
  /* Items never break inside; a wrapped line ends with its separator instead of starting with it. */
  .meta > span {
    white-space: nowrap;
  }
  .meta > span:not(:last-child)::after {
    content: ' ·';
  }
  .updated {
    flex: 1 0 100%;
  }
  .skeleton-row {
    block-size: 5.5rem;
  }
  .skeleton-row .skeleton {
    inline-size: 100%;
    block-size: 100%;
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

  @container (min-width: 34rem) {
    .top {
      grid-template-columns: auto 1fr;
      align-items: end;
    }
    .filters {
      grid-template-columns: minmax(9rem, 12rem) minmax(10rem, 1fr);
      justify-self: end;
      inline-size: min(100%, 30rem);
    }
  }
  /* Rows share their columns (subgrid), so statuses and SLAs line up down the list. */
  @container (min-width: 44rem) {
    .list:not(.skeleton-list) {
      grid-template-columns: minmax(0, 1fr) auto auto;
    }
    .list:not(.skeleton-list) > li {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: subgrid;
    }
    .row {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: subgrid;
      grid-template-areas:
        'subject status updated'
        'meta sla updated';
      column-gap: 1rem;
    }
    .subject {
      grid-area: subject;
    }
    .status {
      grid-area: status;
      justify-self: start;
    }
    .sla {
      grid-area: sla;
    }
    .meta {
      grid-area: meta;
    }
    .updated {
      grid-area: updated;
      text-align: end;
    }
    .skeleton-row {
      block-size: 4rem;
    }
  }
  @container (min-width: 60rem) {
    .list:not(.skeleton-list) {
      grid-template-columns: minmax(0, 1fr) auto auto auto;
    }
    .row {
      grid-template-areas:
        'subject status sla updated'
        'meta status sla updated';
    }
  }
`;
