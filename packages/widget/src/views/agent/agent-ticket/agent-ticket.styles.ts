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
    align-items: center;
    gap: 0.4rem;
    margin-block-start: 0.25rem;
  }
  .status {
    border-color: var(--_border);
    background: var(--_bg);
  }
  .chip .left {
    font-weight: 500;
  }
  .org-link {
    min-block-size: 2rem;
    gap: 0.4rem;
    white-space: normal;
    text-align: start;
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
  .thread {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
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
  /* Internal notes: dashed amber, labelled in words; never confused with what the customer reads. */
  .message[data-visibility='internal'] {
    background: var(--_warning-bg);
    border: 2px dashed var(--_warning);
  }
  .note-label {
    --_chip-bg: var(--_bg);
    --_chip-fg: var(--_warning);
    --_chip-border: var(--_warning);
    white-space: normal;
  }
  .note-label::before {
    border-radius: 1px;
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
  .box {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
  .explanation {
    margin-block-start: 0.6rem;
    font-size: 0.875em;
  }
  .explanation summary {
    cursor: pointer;
    color: var(--_link);
    font-weight: 600;
    min-block-size: 1.75rem;
  }
  .explanation p {
    margin-block: 0.4rem;
  }
  .explanation .label {
    margin-block-end: 0.2rem;
    font-size: 1em;
  }
  .periods {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.2rem;
  }
  .timeline-section {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
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
      grid-template-columns: minmax(0, 1fr) minmax(16rem, 20rem);
      align-items: start;
    }
  }
`;
