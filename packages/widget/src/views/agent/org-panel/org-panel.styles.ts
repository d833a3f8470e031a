import { css } from 'lit';

export const styles = css`
  .panel {
    display: grid;
    gap: 1rem;
  }
  .ref {
    font-family: ui-monospace, monospace;
    font-size: 0.8125em;
  }
  .current {
    font-size: 0.875rem;
  }
  .targets {
    margin: 0;
    display: grid;
    gap: 0.3rem;
  }
  .targets > div {
    display: grid;
    grid-template-columns: minmax(6rem, 40%) 1fr;
    gap: 0.5rem;
  }
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    margin: 0;
  }
  .count {
    font-weight: 400;
  }
  .list {
    gap: 0.4rem;
  }
  .row {
    gap: 0.3rem 0.5rem;
    padding: 0.6rem 0.8rem;
  }
  .meta {
    font-size: 0.8125em;
  }
  @container (min-width: 50rem) {
    .layout {
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      align-items: start;
    }
  }
`;
