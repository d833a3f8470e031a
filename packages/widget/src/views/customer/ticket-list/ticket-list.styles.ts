import { css } from 'lit';

/**
 * Why (kept here, out of the CSS every page downloads):
 * - `.meta > span`: Items never break inside; a wrapped line ends with its separator instead of starting with it.
 * - `@container (min-width: 44rem)`: Rows share their columns (subgrid), so statuses and SLAs line up down the list.
 */
export const styles = css`
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
