import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .panel {
    display: grid;
    gap: 1rem;
  }
  .top {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
  }
  .back {
    min-block-size: 2rem;
    padding-inline: 0;
  }
  :host(:dir(rtl)) .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  h2 {
    overflow-wrap: anywhere;
  }
  .ref {
    font-family: ui-monospace, monospace;
    font-size: 0.8125em;
  }
  .layout {
    display: grid;
    gap: 1.25rem;
  }
  .main,
  .tickets {
    display: grid;
    gap: 1rem;
    align-content: start;
    min-inline-size: 0;
  }
  .box {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h3 {
    margin-block-end: 0.5rem;
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
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.5rem;
    inline-size: 100%;
    padding: 0.6rem 0.8rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    text-align: start;
    font: inherit;
    cursor: pointer;
  }
  .row:hover {
    background: var(--_surface);
  }
  .subject {
    flex: 1 0 100%;
    font-weight: 600;
    overflow-wrap: anywhere;
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
