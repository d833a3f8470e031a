import { css } from 'lit';

/**
 * Why (kept here, out of the CSS agents download):
 * - `.states`: The SLA chip and the status wrap onto two lines in a narrow list (a sidebar) rather than overlap; the rows are taller there.
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
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas:
      'subject'
      'states'
      'meta';
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
  .states {
    grid-area: states;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.5rem;
    min-inline-size: 0;
  }
  .chip .left {
    font-weight: 500;
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
  @container (max-width: 26.25rem) {
    .rows {
      --_pitch: 7.75rem;
    }
  }
  @container (min-width: 40rem) {
    .rows {
      --_pitch: 4.75rem;
    }
    .row {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'subject states'
        'meta states';
      column-gap: 1rem;
    }
    .states {
      flex-wrap: nowrap;
      justify-content: end;
    }
    .skeleton-row {
      block-size: 4.25rem;
    }
  }
`;
