import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .form-view {
    display: grid;
    gap: 1rem;
    max-inline-size: 48rem;
  }
  .intro {
    display: grid;
    gap: 0.25rem;
  }
  form {
    display: grid;
    gap: 1.1rem;
  }
  .req {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .counter {
    margin-inline-start: 0.5em;
    font-variant-numeric: tabular-nums;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
  }
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.5rem;
    margin-block-start: 0.4rem;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .option input {
    margin: 0.3em 0 0;
    accent-color: var(--_accent);
  }
  .option-text {
    display: grid;
  }
  .option-label {
    font-weight: 600;
  }
  .target {
    font-size: 0.875em;
  }
  .form-error {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-bg);
    color: var(--_danger);
    font-weight: 600;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  @container (max-width: 24rem) {
    .buttons .btn {
      flex: 1 1 100%;
    }
  }
`;
