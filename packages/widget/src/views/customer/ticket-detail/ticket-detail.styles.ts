import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .detail {
    display: grid;
    gap: 1rem;
  }
  .top {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-block-start: 0.25rem;
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
  :host(:dir(ltr)) h2 {
    text-align: left;
  }
  :host(:dir(rtl)) h2 {
    text-align: right;
  }
  .layout {
    display: grid;
    gap: 1.25rem;
  }
  .main,
  .aside {
    display: grid;
    gap: 1rem;
    align-content: start;
    min-inline-size: 0;
  }
  h3 {
    margin-block-end: 0.5rem;
  }
  .banner p + .btn {
    margin-block-start: 0.6rem;
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
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .composer {
    display: grid;
    gap: 0.35rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.35rem;
  }
  .composer .buttons {
    justify-content: space-between;
  }
  .confirm {
    display: grid;
    gap: 0.4rem;
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
  .status {
    border-color: var(--_border);
    background: var(--_bg);
  }
  .facts,
  .timeline-section {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
  @container (min-width: 46rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(15rem, 19rem);
      align-items: start;
    }
  }
`;
