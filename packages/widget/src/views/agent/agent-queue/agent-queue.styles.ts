import { css } from 'lit';

/**
 * Why (kept here, out of the CSS agents download):
 * - `.rows`: Windowed: the list is as tall as all its rows; only those on screen exist, each at index × pitch. The pitch (row + gap) is one per layout, so positions never need measuring.
 */
export const styles = css`
  .queue-view {
    display: grid;
    gap: 0.75rem;
  }
  .stale {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .rows {
    --_pitch: 6.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
    position: relative;
  }
  .rows[aria-busy='true'] .row {
    opacity: 0.6;
  }
  .slot {
    position: absolute;
    inset-inline: 0;
    block-size: var(--_pitch);
    padding-block-end: 0.5rem;
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .slot > .row {
    flex: 1;
    min-inline-size: 0;
  }
  .row[aria-pressed='true'] {
    outline: 2px solid var(--_accent);
  }
  .row {
    block-size: 100%;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas:
      'subject subject'
      'sla status'
      'meta meta';
    align-content: center;
    gap: 0.25rem 0.5rem;
    padding-block: 0.4rem;
    overflow: hidden;
  }
  .subject {
    grid-area: subject;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sla {
    grid-area: sla;
    justify-self: start;
    min-inline-size: 0;
  }
  .chip .left {
    font-weight: 500;
  }
  .status {
    grid-area: status;
    justify-self: end;
  }
  .meta {
    grid-area: meta;
    font-size: 0.8125em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .meta > span:not(:last-child)::after {
    content: ' · ';
  }
  .skeleton-row {
    block-size: 5.75rem;
  }
  @container (min-width: 40rem) {
    .rows {
      --_pitch: 4.75rem;
    }
    .row {
      grid-template-columns: minmax(0, 1fr) auto auto;
      grid-template-areas:
        'subject sla status'
        'meta sla status';
      column-gap: 1rem;
    }
    .sla {
      justify-self: end;
    }
    .skeleton-row {
      block-size: 4.25rem;
    }
  }
`;
