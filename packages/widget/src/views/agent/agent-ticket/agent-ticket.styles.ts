import { css } from 'lit';

/**
 * Why (kept here, out of the CSS agents download):
 * - `.message[data-visibility='internal']`: Internal notes: dashed amber, labelled in words; never confused with what the customer reads.
 */
export const styles = css`
  .detail {
    display: grid;
    gap: 1rem;
  }
  .chip .left {
    font-weight: 500;
  }
  :host(:lang(fa)) .periods {
    list-style-type: persian;
  }
  .org-link {
    min-block-size: 2rem;
    gap: 0.4rem;
    white-space: normal;
    text-align: start;
  }
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
  @container (min-width: 46rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(16rem, 20rem);
      align-items: start;
    }
  }
`;
