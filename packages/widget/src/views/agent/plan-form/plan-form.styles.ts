import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .plan-form {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 0.4rem;
    min-inline-size: 0;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    margin: 0;
    padding: 0.5rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .option input,
  .check input {
    margin: 0.3em 0 0;
    accent-color: var(--_accent);
    flex: none;
  }
  .option-text {
    display: grid;
    min-inline-size: 0;
  }
  .option-label {
    font-weight: 600;
  }
  .detail {
    font-size: 0.8125em;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    font-weight: 500;
    cursor: pointer;
  }
  .check input {
    margin: 0;
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
  .buttons {
    display: flex;
    gap: 0.5rem;
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
