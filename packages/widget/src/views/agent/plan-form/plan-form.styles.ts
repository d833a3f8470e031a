import { css } from 'lit';

export const styles = css`
  .plan-form {
    display: grid;
    gap: 0.75rem;
  }
  fieldset {
    display: grid;
    gap: 0.4rem;
  }
  .option {
    gap: 0.6rem;
    padding: 0.5rem 0.7rem;
  }
  .option input,
  .check input {
    flex: none;
  }
  .option-text {
    min-inline-size: 0;
  }
  .detail {
    font-size: 0.8125em;
  }
  .check {
    font-weight: 500;
  }
  .target {
    display: grid;
    grid-template-columns: 1fr 5.5rem 7rem;
    align-items: center;
    gap: 0.5rem;
  }
  .target input[type='number'] {
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding-inline: 0.6em;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .target :disabled {
    opacity: 0.55;
  }
  .hours {
    grid-template-columns: repeat(auto-fit, minmax(9rem, max-content));
    column-gap: 1.25rem;
  }
  .hours legend {
    grid-column: 1 / -1;
  }
  .saved {
    color: var(--_success);
    font-weight: 600;
  }
  @container (max-width: 24rem) {
    .target {
      grid-template-columns: 1fr 1fr;
    }
    .target .check {
      grid-column: 1 / -1;
    }
  }
`;
